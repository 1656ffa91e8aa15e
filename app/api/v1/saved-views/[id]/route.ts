// GET/DELETE /api/v1/saved-views/{id} – one saved view (anyone in the organization may open it); DELETE only by its owner
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { deleteSavedViewRoute, getSavedViewRoute } from "@/lib/saved-views/contract";
import { deleteSavedView, getSavedView, requireUser } from "@/lib/saved-views/views";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getSavedViewRoute, async (_req, { principal, params, db }) => {
  const view = await getSavedView(db, principal.organizationId, params.id, requireUser(principal.userId));
  if (!view) throw notFound("Saved view");
  return json(view);
});

export const DELETE = apiRoute(deleteSavedViewRoute, async (_req, { principal, params, db }) => {
  await deleteSavedView(db, principal.organizationId, requireUser(principal.userId), params.id);
  return new Response(null, { status: 204 });
});

export const POST = methodNotAllowed(["GET", "DELETE"]);
export const PUT = POST;
export const PATCH = POST;
