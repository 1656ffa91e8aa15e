import { z } from "zod";
import { defineRoute } from "@/lib/api/contract";
import { EvalIdParams } from "@/lib/jobs/contract";
import { TraceJson } from "@/lib/traces/schemas";

// GET /api/traces/{eval_id} (also /traces/{eval_id} with Accept: application/json): the audit
// trace as JSON, for the job's organization or the holder of a share link (lib/api/contract.ts).

export const getTraceRoute = defineRoute({
  method: "get",
  path: "/api/traces/{eval_id}",
  operationId: "getTrace",
  summary: "The audit trace of an evaluation as JSON",
  description:
    "For an API key or session of the job's organization, or for anyone holding a valid share link's token (`?token=…`, no API key needed). Also served at /traces/{eval_id} to a request that accepts application/json.",
  params: EvalIdParams,
  notFound: "Trace",
  query: z.object({
    token: z.string().optional().meta({ description: "A share link's token (POST /api/v1/jobs/{eval_id}/share-links): opens this trace without an API key" }),
  }),
  responses: { 200: { description: "The trace", schema: TraceJson } },
  errors: {
    401: "unauthorized: no token, and a missing, unknown or revoked API key and no session",
    404: "not_found: no such trace in this organization, or a token that is unknown, revoked, expired or for another job",
    500: "internal_error",
  },
  security: [{ ApiKey: [] }, {}],
});
