// GET /api/v1/jobs/{eval_id} – status and, once done, the full result
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { getJob } from "@/lib/jobs/read";
import { EVAL_ID_PATTERN } from "@/lib/ids";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ evalId: string }>(async (_req, { principal, params, db }) => {
  if (!EVAL_ID_PATTERN.test(params.evalId)) throw notFound("Job");
  return json(await getJob(db, principal.organizationId, params.evalId));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
