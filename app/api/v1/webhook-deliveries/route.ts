// GET /api/v1/webhook-deliveries – the organization's webhook deliveries across jobs, newest first
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { fromZodIssues } from "@/lib/api/errors";
import { requireAdmin } from "@/lib/auth/principal";
import { listWebhookDeliveries } from "@/lib/webhooks/deliveries";
import { ListWebhookDeliveriesQuery } from "@/lib/webhooks/schemas";

export const dynamic = "force-dynamic";

// Who may call: API keys (integrators monitor their receivers) and signed-in admins, the same
// people who see Settings → Webhooks. Unlike the settings routes (requireSettingsAdmin), a key is
// welcome: this only reads delivery logs, it cannot mint keys or reveal the secret. Other members
// still see a job's own deliveries through /api/v1/jobs/{eval_id}/deliveries.
export const GET = apiRoute(async (req, { principal, db }) => {
  requireAdmin(principal);
  const query = ListWebhookDeliveriesQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw fromZodIssues(query.error.issues);
  return json(await listWebhookDeliveries(db, principal.organizationId, query.data));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
