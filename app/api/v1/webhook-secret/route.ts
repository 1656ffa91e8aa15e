// GET/POST /api/v1/webhook-secret – reveal the webhook signing secret (admins, signed in); POST rotates it
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { getWebhookSecretRoute, rotateWebhookSecretRoute } from "@/lib/webhooks/contract";
import { rotateWebhookSecret } from "@/lib/webhooks/org-secret";
import { getWebhookSecret } from "@/lib/webhooks/secret-view";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getWebhookSecretRoute, async (_req, { principal, db }) => json(await getWebhookSecret(db, principal.organizationId)));

export const POST = apiRoute(rotateWebhookSecretRoute, async (_req, { principal, db, audit }) => {
  await rotateWebhookSecret(db, principal.organizationId);
  await audit({ action: "webhook_secret.rotated", target: { type: "organization", id: principal.organizationId } });
  return json(await getWebhookSecret(db, principal.organizationId));
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
