// GET /api/v1/jobs/{a}/compare/{b} – what changed from evaluation a (before) to b (after)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { compareJobs } from "@/lib/compare/load";
import { EVAL_ID_PATTERN } from "@/lib/ids";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ evalId: string; otherId: string }>(async (_req, { principal, params, db }) => {
  if (!EVAL_ID_PATTERN.test(params.evalId) || !EVAL_ID_PATTERN.test(params.otherId)) throw notFound("Job");
  return json(await compareJobs(db, principal.organizationId, params.evalId, params.otherId));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
