// GET /api/v1/markets/stats – the organization's own market data (lib/markets)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { marketStatsRoute } from "@/lib/markets/contract";
import { marketStats } from "@/lib/markets/stats";

export const dynamic = "force-dynamic";

export const GET = apiRoute(marketStatsRoute, async (_req, { principal, query, db }) =>
  json(await marketStats(db, principal.organizationId, query, new Date())),
);

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
