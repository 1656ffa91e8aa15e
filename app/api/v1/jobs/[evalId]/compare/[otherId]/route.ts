// GET /api/v1/jobs/{a}/compare/{b} – what changed from evaluation a (before) to b (after)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { compareJobsRoute } from "@/lib/compare/contract";
import { compareJobs } from "@/lib/compare/load";

export const dynamic = "force-dynamic";

export const GET = apiRoute(compareJobsRoute, async (_req, { principal, params, db }) =>
  json(await compareJobs(db, principal.organizationId, params.evalId, params.otherId)),
);

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
