import { z } from "zod";

// One page of a list that used to come whole (a job's deliveries, its share links, the API keys):
// `limit` rows after the row `starting_after` (by id, in the list's order), and `has_more`.

export const PageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(100),
    starting_after: z.string().max(64).optional(),
  })
  .strict();
export type PageQuery = z.output<typeof PageQuery>;

/** Prisma findMany arguments for one page (one row more than asked, to know whether more follow). */
export function pageArgs(page: Partial<PageQuery> = {}) {
  const limit = page.limit ?? 100;
  return { take: limit + 1, ...(page.starting_after ? { cursor: { id: page.starting_after }, skip: 1 } : {}) };
}

export function pageOf<T>(rows: T[], page: Partial<PageQuery> = {}) {
  const limit = page.limit ?? 100;
  return { data: rows.slice(0, limit), has_more: rows.length > limit };
}
