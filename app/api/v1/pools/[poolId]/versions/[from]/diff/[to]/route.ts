// GET /api/v1/pools/{id}/versions/{from}/diff/{to} – what changed between two versions of a pool
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { fromZodIssues } from "@/lib/api/errors";
import { diffPoolVersionsOf } from "@/lib/compare/pool-versions";
import { PoolDiffParams } from "@/lib/compare/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ poolId: string; from: string; to: string }>(async (_req, { principal, params, db }) => {
  const p = PoolDiffParams.safeParse({ from: params.from, to: params.to });
  if (!p.success) throw fromZodIssues(p.error.issues);
  return json(await diffPoolVersionsOf(db, principal.organizationId, decodeURIComponent(params.poolId), p.data.from, p.data.to));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
