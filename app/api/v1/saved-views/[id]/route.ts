// GET/DELETE /api/v1/saved-views/{id} – one saved view (anyone in the organization may open it); DELETE only by its owner
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { deleteSavedView, getSavedView, requireUser } from "@/lib/saved-views/views";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (_req, { principal, params }) => {
  const view = await getSavedView(prisma(), principal.organizationId, params.id, requireUser(principal.userId));
  if (!view) throw notFound("Saved view");
  return json(view);
});

export const DELETE = apiRoute<{ id: string }>(async (_req, { principal, params }) => {
  await deleteSavedView(prisma(), principal.organizationId, requireUser(principal.userId), params.id);
  return new Response(null, { status: 204 });
});

export const POST = methodNotAllowed(["GET", "DELETE"]);
export const PUT = POST;
export const PATCH = POST;
