import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import { MarketStatsQuery, MarketStatsResponse } from "@/lib/markets/schemas";

// The contract of the organization's market-data route (lib/api/contract.ts).

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: a query parameter is invalid, or the period is reversed or longer than allowed; `details` lists every problem with its path",
} as const;

export const marketStatsRoute = defineRoute({
  method: "get",
  path: "/api/v1/markets/stats",
  scope: "jobs:read",
  operationId: "getMarketStats",
  summary: "The organization's own market data: per carrier × line × state, submissions, quotes, declinations by reason, binds and days to quote",
  description:
    "Computed from the organization's market plans (plan events). An entry counts in the period in which it was submitted; its outcome is what followed it, at any time. Line and state are those of the evaluation's profile. Paged with `limit` and `offset`; `totals` covers every matching row.",
  query: MarketStatsQuery,
  responses: { 200: { description: "A page of rows and the totals", schema: MarketStatsResponse } },
  errors: pickErrors(ERRORS, 400, 401, 429, 500),
});
