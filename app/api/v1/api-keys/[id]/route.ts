// DELETE /api/v1/api-keys/{id} – revoke an API key (admins, signed in): it is refused (401) from now on
import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { revokeOwnApiKey } from "@/lib/keys/admin";
import { requireSettingsAdmin } from "@/lib/auth/settings-admin";
import { API_KEY_ID_PATTERN } from "@/lib/ids";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ id: string }>(async (_req, { principal, params, db }) => {
  requireSettingsAdmin(principal);
  if (!API_KEY_ID_PATTERN.test(params.id)) throw notFound("API key");
  await revokeOwnApiKey(db, principal.organizationId, params.id);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed(["DELETE"]);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
