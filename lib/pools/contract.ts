import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import { ListPoolsResponse } from "@/lib/jobs/schemas";
import { ImportPoolQuery, ImportPoolResponse, POOL_DOMAINS, POOL_IMPORT_DESCRIPTION } from "@/lib/pools/schemas";

// The contracts of GET/POST /api/v1/pools (lib/api/contract.ts). The import's body is the file
// itself (CSV or JSON), read by the handler: it is declared as `rawBody`.

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
  ...COMMON_ERRORS,
  400: "invalid_request: a bad query, or a file with invalid rows; `details` lists every problem (`rows[12].am_best_rating`) and nothing is stored",
  403: "forbidden: a signed-in member who is not an admin, or a shared pool (read-only)",
  404: "not_found: `pool` is not one of this organization's pools",
  409: "conflict: another import into the same pool finished first; retry",
  413: "payload_too_large: file over 10 MiB",
  415: "unsupported_media_type: Content-Type must be text/csv or application/json",
} as const;

/** The domains' candidate schemas, registered by lib/api/openapi.ts as `<Domain>Candidate`. */
const candidateRefs = POOL_DOMAINS.map((d) => ({ $ref: `#/components/schemas/${d[0].toUpperCase()}${d.slice(1)}Candidate` }));
const candidates = {
  type: "array",
  items: { oneOf: candidateRefs },
  description: "The pool's candidates, of the pool's domain. A bare array of candidates is accepted as well.",
};

export const listPoolsRoute = defineRoute({
  method: "get",
  path: "/api/v1/pools",
  operationId: "listPools",
  scope: "pools:read",
  summary: "Pools this organization may use",
  responses: { 200: { description: "Pools", schema: ListPoolsResponse } },
  errors: pickErrors(ERRORS, 401, 429, 500),
});

export const importPoolRoute = defineRoute({
  method: "post",
  path: "/api/v1/pools",
  operationId: "importPool",
  scope: "pools:import",
  summary: "Import a CSV or JSON file as a new version of one of the organization's pools",
  description: POOL_IMPORT_DESCRIPTION,
  access: "admin",
  query: ImportPoolQuery,
  rawBody: {
    content: {
      "text/csv": { schema: { type: "string" }, example: EXAMPLE_CSV },
      "application/json": { schema: { type: "object", properties: { candidates }, required: ["candidates"] }, example: { candidates: [EXAMPLE_CARRIER] } },
    },
  },
  responses: {
    200: { description: "Imported into an existing pool (or the same data as its current version: `new_version` false)", schema: ImportPoolResponse },
    201: { description: "A new pool, version 1", schema: ImportPoolResponse },
  },
  errors: pickErrors(ERRORS, 400, 401, 403, 404, 409, 413, 415, 429, 500),
});
