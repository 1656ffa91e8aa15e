// GET/POST /api/v1/webhook-secret – reveal the webhook signing secret (admins, signed in); POST rotates it
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { prisma } from "@/lib/db/client";
import { rotateWebhookSecret } from "@/lib/webhooks/org-secret";
import { requireSettingsAdmin } from "@/lib/settings-api/admin";
import { getWebhookSecret } from "@/lib/settings-api/webhook-secret";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_req, { principal }) => {
  requireSettingsAdmin(principal);
  return json(await getWebhookSecret(prisma(), principal.organizationId));
});

export const POST = apiRoute(async (_req, { principal }) => {
  requireSettingsAdmin(principal);
  await rotateWebhookSecret(prisma(), principal.organizationId);
  return json(await getWebhookSecret(prisma(), principal.organizationId));
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
