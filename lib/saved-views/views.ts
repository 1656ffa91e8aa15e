import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ForbiddenError, invalid, notFound } from "@/lib/errors";
import { EVAL_ID_PATTERN, newId } from "@/lib/ids";
import { settings } from "@/lib/settings";
import type { CreateSavedViewBody, SavedView } from "./schemas";

// Saved views: a person's named filters for History or a result. Each person lists and deletes
// only their own; the link opens a view for anyone in the same organization (another
// organization's view is not found). Saving under an existing name replaces that view's filters.

export const savedViewUrl = (id: string) => `${settings().baseUrl}/views/${id}`;

type Row = { id: string; page: string; name: string; query: string; evalId: string | null; createdAt: Date; userId: string; user: { name: string } };
const select = { id: true, page: true, name: true, query: true, evalId: true, createdAt: true, userId: true, user: { select: { name: true } } } as const;

function view(r: Row, userId: string | undefined): SavedView {
  return {
    id: r.id,
    page: r.page as SavedView["page"],
    name: r.name,
    query: r.query,
    eval_id: r.evalId,
    owner: r.user.name,
    mine: r.userId === userId,
    url: savedViewUrl(r.id),
    created_at: r.createdAt.toISOString(),
  };
}

/** Saved views belong to people: an API key has no user to keep them for. */
export function requireUser(userId: string | undefined): string {
  if (!userId) throw new ForbiddenError("Saved views belong to people; sign in to the dashboard to use them");
  return userId;
}

export async function listSavedViews(db: PrismaClient, organizationId: string, userId: string, page: string): Promise<SavedView[]> {
  const rows = await db.savedView.findMany({ where: { organizationId, userId, page }, orderBy: { name: "asc" }, select });
  return rows.map((r) => view(r, userId));
}

export async function saveView(
  db: PrismaClient,
  organizationId: string,
  userId: string,
  body: CreateSavedViewBody,
): Promise<{ view: SavedView; created: boolean }> {
  let evalId: string | null = null;
  if (body.page === "results") {
    if (!body.eval_id || !EVAL_ID_PATTERN.test(body.eval_id))
      throw invalid("eval_id is required for a results view", [{ path: "eval_id", code: "invalid_type", message: "Missing required field: eval_id" }]);
    const job = await db.job.findFirst({ where: { id: body.eval_id, organizationId }, select: { id: true } });
    if (!job)
      throw invalid(`Unknown evaluation: ${body.eval_id}`, [{ path: "eval_id", code: "not_found", message: "no such evaluation in this organization" }]);
    evalId = job.id;
  }
  const key = { organizationId_userId_page_name: { organizationId, userId, page: body.page, name: body.name } };
  const existing = await db.savedView.findUnique({ where: key, select: { id: true } });
  const row = existing
    ? await db.savedView.update({ where: { id: existing.id }, data: { query: body.query, evalId }, select })
    : await db.savedView.create({ data: { id: newId("view"), organizationId, userId, page: body.page, name: body.name, query: body.query, evalId }, select });
  return { view: view(row, userId), created: !existing };
}

export async function deleteSavedView(db: PrismaClient, organizationId: string, userId: string, id: string) {
  const n = await db.savedView.deleteMany({ where: { id, organizationId, userId } });
  if (n.count === 0) throw notFound("Saved view");
}

/** Any view of the organization, for its link. */
export async function getSavedView(db: PrismaClient, organizationId: string, id: string, userId?: string): Promise<SavedView | null> {
  const row = await db.savedView.findFirst({ where: { id, organizationId }, select });
  return row ? view(row, userId) : null;
}

/** Where a view's link leads: the page with its filters in the URL. */
export function viewHref(v: Pick<SavedView, "id" | "page" | "query" | "eval_id">): string {
  const q = new URLSearchParams(v.query);
  q.set("view", v.id);
  return v.page === "history" ? `/jobs?${q}` : `/jobs/${v.eval_id}?${q}`;
}
