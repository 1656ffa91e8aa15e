// GET /api/v1/pools/{id}/versions – a pool's versions, newest first
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { listPoolVersionsRoute } from "@/lib/compare/contract";
import { listPoolVersions } from "@/lib/compare/pool-versions";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listPoolVersionsRoute, async (_req, { principal, params, db }) =>
  json(await listPoolVersions(db, principal.organizationId, decodeURIComponent(params.poolId))),
);

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
