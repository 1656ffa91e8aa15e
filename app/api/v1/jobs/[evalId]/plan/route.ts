// GET/PUT /api/v1/jobs/{eval_id}/plan – a job's market plan (lib/plan)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { getPlanRoute, putPlanRoute } from "@/lib/plan/contract";
import { getPlan, putPlan } from "@/lib/plan/plan";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getPlanRoute, async (_req, { principal, params, db }) => json(await getPlan(db, principal.organizationId, params.evalId)));

export const PUT = apiRoute(putPlanRoute, async (_req, { principal, params, body, db }) => json(await putPlan(db, principal, params.evalId, body)));

export const POST = methodNotAllowed(["GET", "PUT"]);
export const PATCH = POST;
export const DELETE = POST;
