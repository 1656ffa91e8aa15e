// DELETE /api/v1/api-keys/{id} – revoke an API key (admins, signed in): it is refused (401) from now on
import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { revokeApiKey } from "@/lib/keys/api-keys";
import { requireSettingsAdmin } from "@/lib/settings-api/admin";
import { API_KEY_ID_PATTERN } from "@/lib/settings-api/ids";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ id: string }>(async (_req, { principal, params }) => {
  requireSettingsAdmin(principal);
  if (!API_KEY_ID_PATTERN.test(params.id)) throw notFound("API key");
  if (!(await revokeApiKey(prisma(), principal.organizationId, params.id))) {
    // Already revoked is done, not missing; another organization's key is simply not found.
    const own = await prisma().apiKey.findFirst({ where: { id: params.id, organizationId: principal.organizationId }, select: { id: true } });
    if (!own) throw notFound("API key");
  }
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed(["DELETE"]);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
