// GET /api/v1/jobs/{eval_id} – status and, once done, the full result (?include=near_misses adds the almost-eligible)
import { apiRoute, jsonText, methodNotAllowed } from "@/lib/api/handler";
import { getJobRoute } from "@/lib/jobs/contract";
import { getJobJson } from "@/lib/jobs/read";

export const dynamic = "force-dynamic";

// Written out without parsing the stored result (getJobJson): this is the request clients poll.
export const GET = apiRoute(getJobRoute, async (_req, { principal, params, db, query }) =>
  jsonText(await getJobJson(db, principal.organizationId, params.evalId, { nearMisses: query.include === "near_misses" })),
);

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
