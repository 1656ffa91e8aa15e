// GET/POST /api/v1/jobs/{eval_id}/deliveries – a job's webhook deliveries and attempts; POST redelivers
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { listDeliveriesRoute, redeliverRoute } from "@/lib/webhooks/contract";
import { listDeliveries, redeliver } from "@/lib/webhooks/deliveries";
import { parseQuery } from "@/lib/api/parse-body";
import { PageQuery } from "@/lib/paging";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listDeliveriesRoute, async (_req, { principal, params, db }) => json(await listDeliveries(db, principal.organizationId, params.evalId)));

export const POST = apiRoute(redeliverRoute, async (_req, { principal, params, db }) =>
  json(await redeliver(db, principal.organizationId, params.evalId), { status: 202 }),
);

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
