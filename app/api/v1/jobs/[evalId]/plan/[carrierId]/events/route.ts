// POST /api/v1/jobs/{eval_id}/plan/{carrier_id}/events – a status change of a planned carrier (lib/plan)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { postPlanEventRoute } from "@/lib/plan/contract";
import { recordPlanEvent } from "@/lib/plan/plan";

export const dynamic = "force-dynamic";

export const POST = apiRoute(postPlanEventRoute, async (_req, { principal, params, body, db }) =>
  json(await recordPlanEvent(db, principal, params.evalId, params.carrierId, body), { status: 201 }),
);

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
