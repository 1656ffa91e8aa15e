// GET/POST /api/v1/saved-views – the signed-in person's saved History or Results views; POST saves one (same name: replaced)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { listSavedViewsRoute, saveViewRoute } from "@/lib/saved-views/contract";
import { listSavedViews, requireUser, saveView } from "@/lib/saved-views/views";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listSavedViewsRoute, async (_req, { principal, query, db }) =>
  json({ data: await listSavedViews(db, principal.organizationId, requireUser(principal.userId), query.page) }),
);

export const POST = apiRoute(saveViewRoute, async (_req, { principal, body, db }) => {
  const { view, created } = await saveView(db, principal.organizationId, requireUser(principal.userId), body);
  return json(view, { status: created ? 201 : 200 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
