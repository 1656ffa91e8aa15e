// GET/POST /api/v1/jobs/{eval_id}/deliveries – a job's webhook deliveries and attempts; POST redelivers
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { EVAL_ID_PATTERN } from "@/lib/ids";
import { listDeliveries, redeliver } from "@/lib/webhooks/deliveries";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ evalId: string }>(async (_req, { principal, params, db }) => {
  if (!EVAL_ID_PATTERN.test(params.evalId)) throw notFound("Job");
  return json(await listDeliveries(db, principal.organizationId, params.evalId));
});

export const POST = apiRoute<{ evalId: string }>(async (_req, { principal, params, db }) => {
  if (!EVAL_ID_PATTERN.test(params.evalId)) throw notFound("Job");
  return json(await redeliver(db, principal.organizationId, params.evalId), { status: 202 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
