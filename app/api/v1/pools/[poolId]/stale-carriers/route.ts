// GET /api/v1/pools/{pool_id}/stale-carriers – carriers to re-verify: often ranked, old appetite data (JSON page or CSV)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { staleCarriersRoute } from "@/lib/stale/contract";
import { staleCarriers, staleCarriersCsv } from "@/lib/stale/stale";

export const dynamic = "force-dynamic";

export const GET = apiRoute(staleCarriersRoute, async (_req, { principal, params, query, db }) => {
  const pool = decodeURIComponent(params.poolId);
  const csv = query.format === "csv";
  const result = await staleCarriers(db, principal.organizationId, pool, query, { today: new Date(), all: csv });
  if (!csv) return json(result);
  const name = `${pool.replace(/[^a-z0-9-]+/gi, "-")}-stale-carriers-${result.as_of}.csv`;
  return new Response(staleCarriersCsv(result), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
