// GET /api/v1/pools/{id}/versions/{from}/diff/{to} – what changed between two versions of a pool
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { diffPoolVersionsRoute } from "@/lib/compare/contract";
import { diffPoolVersionsOf } from "@/lib/compare/pool-versions";

export const dynamic = "force-dynamic";

export const GET = apiRoute(diffPoolVersionsRoute, async (_req, { principal, params, db }) =>
  json(await diffPoolVersionsOf(db, principal.organizationId, decodeURIComponent(params.poolId), params.from, params.to)),
);

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
