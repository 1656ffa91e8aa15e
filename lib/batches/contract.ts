import { z } from "zod";
import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import {
  BATCH_ID_PATTERN,
  BATCH_LIMITS,
  BatchResponse,
  BatchResultsQuery,
  CreateBatchQuery,
  ListBatchesQuery,
  ListBatchesResponse,
} from "@/lib/batches/schemas";

// The contracts of /api/v1/batches (lib/api/contract.ts). The upload's body is the file itself
// (CSV, JSON array or NDJSON), read as a stream by lib/batches/parse.ts: declared as `rawBody`.
// The results are NDJSON or CSV, not JSON: documented by description.

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: a bad query, or a file with invalid rows (`details` lists each: `rows[12].state`; nothing is stored unless skip_invalid=true), over 10,000 rows, unknown or missing columns",
  404: "not_found: no such batch in this organization",
  409: "idempotency_conflict: the Idempotency-Key was used with a different file or query",
  413: "payload_too_large: file over 16 MiB",
  415: "unsupported_media_type: Content-Type must be text/csv, application/json or application/x-ndjson",
} as const;

export const BatchIdParams = z.object({ batch_id: z.string().regex(BATCH_ID_PATTERN).meta({ description: "The batch's batch_id" }) });

const EXAMPLE_CSV = `entity,state,line,revenue,employees
acme-manufacturing,CA,professional_liability,12000000,85
harbor-logistics,TX,general_liability,4500000,40
`;

export const createBatchRoute = defineRoute({
  method: "post",
  path: "/api/v1/batches",
  scope: "jobs:write",
  operationId: "createBatch",
  summary: "Submit a file of profiles: one evaluation per row",
  description: `A CSV (one column per field of the pool's profile schema, header first), a JSON array of profile objects, or NDJSON (one profile per line), up to ${BATCH_LIMITS.maxRows.toLocaleString("en")} rows and ${BATCH_LIMITS.maxBytes / 1024 / 1024} MiB, read as it streams in. Every row is validated first: with any invalid row nothing is stored and the 400 lists each problem like a pool import's report, unless skip_invalid=true (then the report is in the 202 and the valid rows are accepted). Each accepted row becomes an ordinary job (in GET /api/v1/jobs, with its own trace) at batch priority: single jobs submitted meanwhile are evaluated first. One signed \`batch.completed\` webhook when every row has finished; each row's own webhook only with job_webhooks=true.`,
  query: CreateBatchQuery,
  rawBody: {
    content: {
      "text/csv": { schema: { type: "string" }, example: EXAMPLE_CSV },
      "application/json": { schema: { type: "array", items: { type: "object" } } },
      "application/x-ndjson": { schema: { type: "string" } },
    },
  },
  headers: [
    {
      name: "Idempotency-Key",
      description: "The same key with the same file and query within 24 h returns the first batch instead of creating a second.",
      schema: { type: "string", maxLength: 255 },
    },
  ],
  responses: {
    202: {
      description: "Accepted: one queued job per accepted row",
      schema: BatchResponse,
      headers: { Location: { description: "URL of the batch", schema: { type: "string" } } },
    },
  },
  errors: pickErrors(ERRORS, 400, 401, 409, 413, 415, 429, 500),
});

export const listBatchesRoute = defineRoute({
  method: "get",
  path: "/api/v1/batches",
  scope: "jobs:read",
  operationId: "listBatches",
  summary: "List batches, newest first",
  query: ListBatchesQuery,
  responses: { 200: { description: "A page of batches", schema: ListBatchesResponse } },
  errors: pickErrors(ERRORS, 400, 401, 429, 500),
});

export const getBatchRoute = defineRoute({
  method: "get",
  path: "/api/v1/batches/{batch_id}",
  scope: "jobs:read",
  operationId: "getBatch",
  summary: "A batch's counts by status and progress",
  params: BatchIdParams,
  notFound: "Batch",
  responses: { 200: { description: "The batch", schema: BatchResponse } },
  errors: pickErrors(ERRORS, 401, 404, 429, 500),
});

export const getBatchResultsRoute = defineRoute({
  method: "get",
  path: "/api/v1/batches/{batch_id}/results",
  scope: "jobs:read",
  operationId: "getBatchResults",
  summary: "Every row with its top carriers, streamed as NDJSON or CSV",
  description:
    "One line per row in upload order: the row's job, its tier mix, its top N carriers (tier, confidence, levels, reasoning) and the audit link; NDJSON lines are BatchResultRow objects. Rows not finished yet are listed with their status and no carriers.",
  params: BatchIdParams,
  notFound: "Batch",
  query: BatchResultsQuery,
  responses: { 200: { description: "application/x-ndjson (one BatchResultRow per line) or text/csv (format=csv), streamed" } },
  errors: pickErrors(ERRORS, 400, 401, 404, 429, 500),
});
