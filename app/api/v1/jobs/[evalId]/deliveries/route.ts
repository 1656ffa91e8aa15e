// GET/POST /api/v1/jobs/{eval_id}/deliveries – a job's webhook deliveries and attempts (paged); POST redelivers
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { listDeliveriesRoute, redeliverRoute } from "@/lib/webhooks/contract";
import { listDeliveries, redeliver } from "@/lib/webhooks/deliveries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listDeliveriesRoute, async (_req, { principal, params, query, db }) =>
  json(await listDeliveries(db, principal.organizationId, params.evalId, query)),
);

export const POST = apiRoute(redeliverRoute, async (_req, { principal, params, db, audit }) => {
  const delivery = await redeliver(db, principal.organizationId, params.evalId);
  await audit({ action: "webhook.redelivered", target: { type: "job", id: params.evalId } });
  return json(delivery, { status: 202 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
