import { z } from "zod";
import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import { CreateSavedViewBody, ListSavedViewsQuery, ListSavedViewsResponse, SavedView } from "@/lib/saved-views/schemas";

// The contracts of /api/v1/saved-views (lib/api/contract.ts).

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: an unknown page, an empty name, or a results view without an evaluation of this organization",
  403: "forbidden: an API key (saved views belong to people signed in)",
  404: "not_found: no such view in this organization (DELETE: none of yours)",
} as const;

const IdParams = z.object({ id: z.string().min(1).max(64).meta({ description: "The view's id" }) });

export const listSavedViewsRoute = defineRoute({
  method: "get",
  path: "/api/v1/saved-views",
  access: "session",
  operationId: "listSavedViews",
  summary: "Your saved views of a page",
  query: ListSavedViewsQuery,
  responses: { 200: { description: "Your views, by name", schema: ListSavedViewsResponse } },
  errors: pickErrors(ERRORS, 400, 401, 403, 429, 500),
});

export const saveViewRoute = defineRoute({
  method: "post",
  path: "/api/v1/saved-views",
  access: "session",
  operationId: "saveView",
  summary: "Save filters under a name (the same name again replaces them)",
  body: CreateSavedViewBody,
  responses: { 201: { description: "Saved", schema: SavedView }, 200: { description: "Replaced", schema: SavedView } },
  errors: pickErrors(ERRORS, 400, 401, 403, 413, 415, 429, 500),
});

export const getSavedViewRoute = defineRoute({
  method: "get",
  path: "/api/v1/saved-views/{id}",
  access: "session",
  operationId: "getSavedView",
  summary: "One saved view; anyone in the organization may open it (its link is /views/{id})",
  params: IdParams,
  notFound: "Saved view",
  responses: { 200: { description: "The view", schema: SavedView } },
  errors: pickErrors(ERRORS, 401, 403, 404, 429, 500),
});

export const deleteSavedViewRoute = defineRoute({
  method: "delete",
  path: "/api/v1/saved-views/{id}",
  access: "session",
  operationId: "deleteSavedView",
  summary: "Delete one of your saved views",
  params: IdParams,
  notFound: "Saved view",
  responses: { 204: { description: "Deleted" } },
  errors: pickErrors(ERRORS, 401, 403, 404, 429, 500),
});
