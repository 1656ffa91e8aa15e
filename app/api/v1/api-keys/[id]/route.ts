// DELETE /api/v1/api-keys/{id} – revoke an API key (admins, signed in): it is refused (401) from now on
import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { revokeApiKeyRoute } from "@/lib/keys/contract";
import { revokeOwnApiKey } from "@/lib/keys/admin";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(revokeApiKeyRoute, async (_req, { principal, params, db, audit }) => {
  await revokeOwnApiKey(db, principal.organizationId, params.id);
  await audit({ action: "api_key.revoked", target: { type: "api_key", id: params.id } });
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed(["DELETE"]);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
