// GET/POST /api/v1/saved-views – the signed-in person's saved History or Results views; POST saves one (same name: replaced)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { fromZodIssues } from "@/lib/api/errors";
import { parseBody } from "@/lib/api/parse-body";
import { CreateSavedViewBody, ListSavedViewsQuery } from "@/lib/saved-views/schemas";
import { listSavedViews, requireUser, saveView } from "@/lib/saved-views/views";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (req, { principal, db }) => {
  const userId = requireUser(principal.userId);
  const q = ListSavedViewsQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) throw fromZodIssues(q.error.issues);
  return json({ data: await listSavedViews(db, principal.organizationId, userId, q.data.page) });
});

export const POST = apiRoute(async (req, { principal, db }) => {
  const userId = requireUser(principal.userId);
  const body = await parseBody(req, CreateSavedViewBody);
  const { view, created } = await saveView(db, principal.organizationId, userId, body);
  return json(view, { status: created ? 201 : 200 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
