// GET/POST /api/v1/api-keys – the organization's API keys (admins, signed in); POST makes one, shown once
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { createApiKeyRoute, listApiKeysRoute } from "@/lib/keys/contract";
import { createListedApiKey, listApiKeys } from "@/lib/keys/admin";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listApiKeysRoute, async (_req, { principal, db }) => json({ data: await listApiKeys(db, principal.organizationId) }));

export const POST = apiRoute(createApiKeyRoute, async (_req, { principal, body, db }) =>
  json(await createListedApiKey(db, principal.organizationId, body), { status: 201 }),
);

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
