// DELETE /api/v1/share-links/{id} – revoke a share link: its URL opens nothing from now on
import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { revokeShareLink } from "@/lib/share/links";
import { SHARE_LINK_ID_PATTERN } from "@/lib/ids";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ id: string }>(async (_req, { principal, params, db }) => {
  if (!SHARE_LINK_ID_PATTERN.test(params.id)) throw notFound("Share link");
  await revokeShareLink(db, principal.organizationId, params.id);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed(["DELETE"]);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
