import { z } from "zod";
import { defineRoute } from "@/lib/api/contract";
import { EvalIdParams } from "@/lib/jobs/contract";
import { TraceJson } from "@/lib/traces/schemas";

/** The most scored candidates one trace JSON answer carries. */
export const TRACE_PAGE_MAX = 500;

// GET /api/traces/{eval_id} (also /traces/{eval_id} with Accept: application/json): the audit
// trace as JSON, for the job's organization or the holder of a share link (lib/api/contract.ts).

export const getTraceRoute = defineRoute({
  method: "get",
  path: "/api/traces/{eval_id}",
  operationId: "getTrace",
  scope: "jobs:read",
  summary: "The audit trace of an evaluation as JSON",
  description:
    "For an API key or session of the job's organization, or for anyone holding a valid share link's token (`?token=…`, no API key needed). Also served at /traces/{eval_id} to a request that accepts application/json.",
  params: EvalIdParams,
  notFound: "Trace",
  query: z.object({
    token: z.string().optional().meta({ description: "A share link's token (POST /api/v1/jobs/{eval_id}/share-links): opens this trace without an API key" }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(TRACE_PAGE_MAX)
      .default(TRACE_PAGE_MAX)
      .meta({ description: `Scored candidates per page, 1–${TRACE_PAGE_MAX}` }),
    offset: z.coerce
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(0)
      .meta({ description: "Index of the first scored candidate (next_offset of the previous page)" }),
  }),
  responses: { 200: { description: "The trace", schema: TraceJson } },
  errors: {
    400: "invalid_request: limit or offset out of range",
    401: "unauthorized: no token, and a missing, unknown or revoked API key and no session",
    403: "forbidden: an API key without the jobs:read scope",
    404: "not_found: no such trace in this organization, or a token that is unknown, revoked, expired or for another job",
    429: "rate_limited: at most 60 traces a minute per API key, person or (share links) client address; see Retry-After",
    500: "internal_error",
  },
  security: [{ ApiKey: [] }, {}],
});
