import { z } from "zod";
import { errorResponses, okResponse, jsonContent } from "@/lib/api/openapi-parts";
import { BATCH_LIMITS, BatchCompletedEvent, BatchCounts, BatchReport, BatchResponse, BatchResultRow, BatchResultsQuery, BatchSummary, CreateBatchQuery, ListBatchesQuery, ListBatchesResponse } from "@/lib/batches/schemas";

// The batch routes in the OpenAPI document, generated from the zod schemas the route parses with.
// lib/api/openapi.ts registers BATCH_SCHEMAS, spreads batchApiPaths() into its paths and
// batchWebhooks() into its webhooks.

export const BATCH_SCHEMAS = { BatchReport, BatchCounts, Batch: BatchResponse, BatchSummary, BatchList: ListBatchesResponse, BatchResultRow, BatchCompletedEvent } as const;

const ERRORS = {
  400: "invalid_request: a bad query, or a file with invalid rows (`details` lists each: `rows[12].state`; nothing is stored unless skip_invalid=true), over 10,000 rows, unknown or missing columns",
  401: "unauthorized: missing, unknown or revoked API key, and no session",
  404: "not_found: no such batch in this organization",
  409: "idempotency_conflict: the Idempotency-Key was used with a different file or query",
  413: "payload_too_large: file over 16 MiB",
  415: "unsupported_media_type: Content-Type must be text/csv, application/json or application/x-ndjson",
  429: "rate_limited: too many requests; see Retry-After",
  500: "internal_error",
} as const;
const errors = errorResponses(ERRORS);

function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { $schema: _, description, ...json } = z.toJSONSchema(field as z.ZodType, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    const required = !(field as z.ZodType).safeParse(undefined).success;
    return { name, in: "query", required, ...(description ? { description } : {}), schema: json };
  });
}

const batchIdParam = { name: "batch_id", in: "path", required: true, schema: { type: "string", pattern: "^batch_[0-9A-Za-z]+$" } };

const EXAMPLE_CSV = `entity,state,line,revenue,employees
acme-manufacturing,CA,professional_liability,12000000,85
harbor-logistics,TX,general_liability,4500000,40
`;

export function batchApiPaths() {
  return {
    "/api/v1/batches": {
      post: {
        operationId: "createBatch",
        summary: "Submit a file of profiles: one evaluation per row",
        description: `A CSV (one column per field of the pool's profile schema, header first), a JSON array of profile objects, or NDJSON (one profile per line), up to ${BATCH_LIMITS.maxRows.toLocaleString("en")} rows and ${BATCH_LIMITS.maxBytes / 1024 / 1024} MiB, read as it streams in. Every row is validated first: with any invalid row nothing is stored and the 400 lists each problem like a pool import's report, unless skip_invalid=true (then the report is in the 202 and the valid rows are accepted). Each accepted row becomes an ordinary job (in GET /api/v1/jobs, with its own trace) at batch priority: single jobs submitted meanwhile are evaluated first. One signed \`batch.completed\` webhook when every row has finished; each row's own webhook only with job_webhooks=true.`,
        parameters: [
          ...queryParameters(CreateBatchQuery),
          { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 }, description: "The same key with the same file and query within 24 h returns the first batch instead of creating a second." },
        ],
        requestBody: {
          required: true,
          content: {
            "text/csv": { schema: { type: "string" }, example: EXAMPLE_CSV },
            "application/json": { schema: { type: "array", items: { type: "object" } } },
            "application/x-ndjson": { schema: { type: "string" } },
          },
        },
        responses: {
          202: okResponse("Batch", "Accepted: one queued job per accepted row", { Location: { schema: { type: "string" }, description: "URL of the batch" } }),
          ...errors(400, 401, 409, 413, 415, 429, 500),
        },
      },
      get: {
        operationId: "listBatches",
        summary: "List batches, newest first",
        parameters: queryParameters(ListBatchesQuery),
        responses: { 200: okResponse("BatchList", "A page of batches"), ...errors(400, 401, 429, 500) },
      },
    },
    "/api/v1/batches/{batch_id}": {
      get: {
        operationId: "getBatch",
        summary: "A batch's counts by status and progress",
        parameters: [batchIdParam],
        responses: { 200: okResponse("Batch", "The batch"), ...errors(401, 404, 429, 500) },
      },
    },
    "/api/v1/batches/{batch_id}/results": {
      get: {
        operationId: "getBatchResults",
        summary: "Every row with its top carriers, streamed as NDJSON or CSV",
        description: "One line per row in upload order: the row's job, its tier mix and its top N carriers (tier, confidence, levels, reasoning) and the audit link. Rows not finished yet are listed with their status and no carriers.",
        parameters: [batchIdParam, ...queryParameters(BatchResultsQuery)],
        responses: {
          200: { description: "One BatchResultRow per line (NDJSON), or a CSV with one line per row", content: { "application/x-ndjson": { schema: { $ref: "#/components/schemas/BatchResultRow" } }, "text/csv": { schema: { type: "string" } } } },
          ...errors(400, 401, 404, 429, 500),
        },
      },
    },
  };
}

export function batchWebhooks() {
  return {
    batchCompleted: {
      post: {
        summary: "A batch finished (every row completed or failed); signed like every webhook (Standard Webhooks), retried on the same schedule",
        requestBody: { content: jsonContent("BatchCompletedEvent") },
        responses: { 200: { description: "Any 2xx acknowledges" } },
      },
    },
  };
}
