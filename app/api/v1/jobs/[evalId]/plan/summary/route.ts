// GET /api/v1/jobs/{eval_id}/plan/summary – the marketing summary for the client (lib/plan/summary.ts)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { getMarketingSummaryRoute } from "@/lib/plan/contract";
import { getMarketingSummary } from "@/lib/plan/summary-load";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getMarketingSummaryRoute, async (_req, { principal, params, db }) =>
  json(await getMarketingSummary(db, principal.organizationId, params.evalId)),
);

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
