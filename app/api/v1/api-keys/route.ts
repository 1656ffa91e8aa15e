// GET/POST /api/v1/api-keys – the organization's API keys (admins, signed in); POST makes one, shown once
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { requireSettingsAdmin } from "@/lib/auth/settings-admin";
import { createListedApiKey, listApiKeys } from "@/lib/keys/admin";
import { CreateApiKeyBody } from "@/lib/keys/schemas";
import { parseBody } from "@/lib/api/parse-body";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_req, { principal, db }) => {
  requireSettingsAdmin(principal);
  return json({ data: await listApiKeys(db, principal.organizationId) });
});

export const POST = apiRoute(async (req, { principal, db }) => {
  requireSettingsAdmin(principal);
  const body = await parseBody(req, CreateApiKeyBody);
  return json(await createListedApiKey(db, principal.organizationId, body), { status: 201 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
