import { errorResponses, okResponse } from "@/lib/api/openapi-parts";
import { POOL_DOMAINS, POOL_IMPORT_DESCRIPTION, POOL_NAME_PATTERN } from "@/lib/pools/schemas";

// POST /api/v1/pools in the OpenAPI document. lib/api/openapi.ts registers PoolImport and the
// domains' candidate schemas (`<Domain>Candidate`), and puts this operation beside GET.

const EXAMPLE_CARRIER = {
  id: "acme_01",
  name: "Harborlight Casualty Company",
  am_best_rating: "A+",
  market_type: "admitted",
  admitted_states: ["AZ", "CA", "NV"],
  surplus_lines_states: [],
  lines: { professional_liability: { appetite: "target", revenue_min: 1000000, revenue_max: 50000000, max_limit: 5000000 } },
};

const EXAMPLE_CSV = `id,name,am_best_rating,market_type,admitted_states,surplus_lines_states,lines
acme_01,Harborlight Casualty Company,A+,admitted,AZ;CA;NV,,"{""professional_liability"":{""appetite"":""target""}}"
`;

const ERRORS = {
  400: "invalid_request: a bad query, or a file with invalid rows; `details` lists every problem (`rows[12].am_best_rating`) and nothing is stored",
  401: "unauthorized: missing, unknown or revoked API key, and no session",
  403: "forbidden: a signed-in member who is not an admin, or a shared pool (read-only)",
  404: "not_found: `pool` is not one of this organization's pools",
  409: "conflict: another import into the same pool finished first; retry",
  413: "payload_too_large: file over 10 MiB",
  415: "unsupported_media_type: Content-Type must be text/csv or application/json",
  429: "rate_limited: too many requests; see Retry-After",
  500: "internal_error",
} as const;
const errors = errorResponses(ERRORS);

export function poolImportOperation(candidateRefs: { $ref: string }[]) {
  const candidates = { type: "array", items: { oneOf: candidateRefs }, description: "The pool's candidates, of the pool's domain. A bare array of candidates is accepted as well." };
  return {
    operationId: "importPool",
    summary: "Import a CSV or JSON file as a new version of one of the organization's pools",
    description: POOL_IMPORT_DESCRIPTION,
    parameters: [
      { name: "name", in: "query", required: false, schema: { type: "string", pattern: POOL_NAME_PATTERN.source }, description: "Pool name; the pool's id becomes `<organization slug>:<name>`. Give name or pool." },
      { name: "pool", in: "query", required: false, schema: { type: "string" }, description: "The id of one of the organization's own pools, as GET /api/v1/pools lists it." },
      { name: "domain", in: "query", required: false, schema: { type: "string", enum: POOL_DOMAINS }, description: "What the candidates are; required for a new pool." },
    ],
    requestBody: {
      required: true,
      content: {
        "text/csv": { schema: { type: "string" }, example: EXAMPLE_CSV },
        "application/json": { schema: { type: "object", properties: { candidates }, required: ["candidates"] }, example: { candidates: [EXAMPLE_CARRIER] } },
      },
    },
    responses: {
      200: okResponse("PoolImport", "Imported into an existing pool (or the same data as its current version: `new_version` false)"),
      201: okResponse("PoolImport", "A new pool, version 1"),
      ...errors(400, 401, 403, 404, 409, 413, 415, 429, 500),
    },
  };
}
