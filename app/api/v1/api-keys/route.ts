// GET/POST /api/v1/api-keys – the organization's API keys (admins, signed in); POST makes one, shown once
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { prisma } from "@/lib/db/client";
import { createApiKey } from "@/lib/keys/api-keys";
import { requireSettingsAdmin } from "@/lib/settings-api/admin";
import { apiKeyView, listApiKeys } from "@/lib/settings-api/api-keys";
import { CreateApiKeyBody } from "@/lib/settings-api/schemas";
import { parseBody } from "@/lib/settings-api/parse";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_req, { principal }) => {
  requireSettingsAdmin(principal);
  return json({ data: await listApiKeys(prisma(), principal.organizationId) });
});

export const POST = apiRoute(async (req, { principal }) => {
  requireSettingsAdmin(principal);
  const body = await parseBody(req, CreateApiKeyBody);
  const created = await createApiKey(prisma(), principal.organizationId, { name: body.name, test: body.mode === "test" });
  const row = await prisma().apiKey.findUniqueOrThrow({ where: { id: created.id } });
  return json({ ...apiKeyView(row), key: created.key }, { status: 201 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
