// GET /api/v1/webhook-deliveries – the organization's webhook deliveries across jobs, newest first
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { listWebhookDeliveriesRoute } from "@/lib/webhooks/contract";
import { listWebhookDeliveries } from "@/lib/webhooks/deliveries";

export const dynamic = "force-dynamic";

// Who may call (access "admin"): API keys (integrators monitor their receivers) and signed-in
// admins, the same people who see Settings → Webhooks. Unlike the settings routes
// ("settings-admin"), a key is welcome: this only reads delivery logs, it cannot mint keys or
// reveal the secret. Other members still see a job's own deliveries through
// /api/v1/jobs/{eval_id}/deliveries.
export const GET = apiRoute(listWebhookDeliveriesRoute, async (_req, { principal, query, db }) =>
  json(await listWebhookDeliveries(db, principal.organizationId, query)),
);

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
