// GET /api/v1/jobs/{eval_id} – status and, once done, the full result (?include=near_misses adds the almost-eligible)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { getJobRoute } from "@/lib/jobs/contract";
import { getJob } from "@/lib/jobs/read";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getJobRoute, async (_req, { principal, params, db, query }) =>
  json(await getJob(db, principal.organizationId, params.evalId, { nearMisses: query.include === "near_misses" })),
);

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
