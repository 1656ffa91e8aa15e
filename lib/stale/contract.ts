import { z } from "zod";
import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import { StaleCarriersQuery, StaleCarriersResponse } from "@/lib/stale/schemas";

// The contract of GET /api/v1/pools/{pool_id}/stale-carriers (lib/api/contract.ts).

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: a bad query parameter; `details` lists every problem",
  404: "not_found: no pool with this id that the organization may use",
} as const;

export const staleCarriersRoute = defineRoute({
  method: "get",
  path: "/api/v1/pools/{pool_id}/stale-carriers",
  scope: "pools:read",
  operationId: "listStaleCarriers",
  summary: "Carriers that rank often in the organization's evaluations but whose appetite data is old: the ones to re-verify",
  description:
    "Counts, per carrier, the organization's completed evaluations on this pool in the period that ranked it in their top N, and lists those with at least `min_appearances` whose `last_verified` (current pool version) is more than `stale_after_days` before `as_of`, or missing. `format=csv` downloads every matching row.",
  params: z.object({ poolId: z.string().min(1).max(100).meta({ description: "The pool's id as GET /api/v1/pools lists it, e.g. carriers:all" }) }),
  notFound: "Pool",
  query: StaleCarriersQuery,
  responses: { 200: { description: "A page of carriers (JSON), or text/csv with format=csv", schema: StaleCarriersResponse } },
  errors: pickErrors(ERRORS, 400, 401, 404, 429, 500),
});
