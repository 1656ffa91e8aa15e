// GET/POST /api/v1/api-keys – the organization's API keys, paged (admins, signed in); POST makes one, shown once
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { createApiKeyRoute, listApiKeysRoute } from "@/lib/keys/contract";
import { createListedApiKey, listApiKeys } from "@/lib/keys/admin";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listApiKeysRoute, async (_req, { principal, query, db }) => json(await listApiKeys(db, principal.organizationId, query)));

export const POST = apiRoute(createApiKeyRoute, async (_req, { principal, body, db, audit }) => {
  const created = await createListedApiKey(db, principal.organizationId, body);
  const { key: _shownOnce, ...view } = created;
  await audit({ action: "api_key.created", target: { type: "api_key", id: created.id }, after: view });
  return json(created, { status: 201 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
