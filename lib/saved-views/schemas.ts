import { z } from "zod";

// The contracts of /api/v1/saved-views: named History or Results filters, per user. Imports
// nothing but zod: the dashboard uses these for its types and to check a name before sending.

export const SAVED_VIEW_PAGES = ["history", "results"] as const;
export const SavedViewPage = z.enum(SAVED_VIEW_PAGES);

export const CreateSavedViewBody = z
  .object({
    page: SavedViewPage.meta({ description: "history: the History page's filters; results: a result's filters and sort" }),
    name: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .meta({ examples: ["CA prof. liability, completed"] }),
    query: z
      .string()
      .max(2000)
      .regex(/^[^\u0000]*$/, "must not contain NUL characters")
      .meta({ description: "The filters as a URL query string, e.g. status=completed&pool=carriers%3Aall" }),
    eval_id: z.string().max(64).optional().meta({ description: "For a results view: the evaluation the link opens" }),
  })
  .strict()
  .meta({ id: "CreateSavedViewBody" });
export type CreateSavedViewBody = z.infer<typeof CreateSavedViewBody>;

export const SavedView = z
  .object({
    id: z.string(),
    page: SavedViewPage,
    name: z.string(),
    query: z.string(),
    eval_id: z.string().nullable(),
    owner: z.string().meta({ description: "name of the person who saved it" }),
    mine: z.boolean(),
    url: z.string().meta({ description: "the link that opens this view, for anyone in the organization" }),
    created_at: z.string(),
  })
  .meta({ id: "SavedView" });
export type SavedView = z.infer<typeof SavedView>;

export const ListSavedViewsQuery = z.object({ page: SavedViewPage }).strict();
export const ListSavedViewsResponse = z.object({ data: z.array(SavedView) }).meta({ id: "SavedViewList" });
