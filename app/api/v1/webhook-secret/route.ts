// GET/POST /api/v1/webhook-secret – reveal the webhook signing secret (admins, signed in); POST rotates it
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { rotateWebhookSecret } from "@/lib/webhooks/org-secret";
import { requireSettingsAdmin } from "@/lib/auth/settings-admin";
import { getWebhookSecret } from "@/lib/webhooks/secret-view";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_req, { principal, db }) => {
  requireSettingsAdmin(principal);
  return json(await getWebhookSecret(db, principal.organizationId));
});

export const POST = apiRoute(async (_req, { principal, db }) => {
  requireSettingsAdmin(principal);
  await rotateWebhookSecret(db, principal.organizationId);
  return json(await getWebhookSecret(db, principal.organizationId));
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
