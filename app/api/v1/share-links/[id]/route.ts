// DELETE /api/v1/share-links/{id} – revoke a share link: its URL opens nothing from now on
import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { revokeShareLinkRoute } from "@/lib/share/contract";
import { revokeShareLink } from "@/lib/share/links";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(revokeShareLinkRoute, async (_req, { principal, params, db, audit }) => {
  await revokeShareLink(db, principal.organizationId, params.id);
  await audit({ action: "share_link.revoked", target: { type: "share_link", id: params.id } });
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed(["DELETE"]);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
