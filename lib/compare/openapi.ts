import { COMMON_ERRORS, errorResponses, okResponse } from "@/lib/api/openapi-parts";
import { RecheckSettings } from "@/lib/recheck/schemas";
import { CandidateChange, CompareResponse, ListPoolVersionsResponse, PoolDiffResponse, PoolVersionSummary, SideState } from "@/lib/compare/schemas";

// "What changed" in the OpenAPI document: comparing two evaluations, a pool's versions and the
// diff of two of them, and the "evaluation.changed" webhook event. lib/api/openapi.ts registers
// COMPARE_SCHEMAS and spreads compareApiPaths() and compareWebhooks() in.

export const COMPARE_SCHEMAS = {
  Comparison: CompareResponse,
  CandidateChange,
  CompareSide: SideState,
  PoolVersion: PoolVersionSummary,
  PoolVersionList: ListPoolVersionsResponse,
  PoolDiff: PoolDiffResponse,
  RecheckSettings,
} as const;

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: the two evaluations are of different domains (`details[0].code` domain_mismatch), a version number is not a positive integer, or days is not an integer from 0 to 365",
  403: "forbidden: a signed-in member who is not an admin",
  404: "not_found: no such job, pool or version in this organization",
  409: "conflict: an evaluation is not completed yet (`details[0].code` not_completed, `path` a or b)",
} as const;
const errors = errorResponses(ERRORS);
const evalParam = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string", pattern: "^eval_[0-9A-Za-z]+$" } });
const poolParam = { name: "poolId", in: "path", required: true, description: "The pool's id as GET /api/v1/pools lists it, e.g. carriers:all", schema: { type: "string" } };
const versionParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "integer", minimum: 1 } });

export function compareApiPaths() {
  return {
    "/api/v1/jobs/{eval_id}/compare/{otherId}": {
      get: {
        operationId: "compareJobs",
        summary: "What changed from one evaluation (before) to another (after)",
        description:
          "The inputs that differ (profile fields, pool and version, rules version, engine version), then every candidate that changed: entered or left eligibility (with the filter that removed it), tier, each level (with both sides' evidence), rank. Material changes (eligibility, or the top tier) come first. Both evaluations must be completed and of the same domain.",
        parameters: [evalParam("eval_id", "The evaluation compared from (before)"), evalParam("otherId", "The evaluation compared to (after)")],
        responses: { 200: okResponse("Comparison", "The comparison"), ...errors(400, 401, 404, 409, 429, 500) },
      },
    },
    "/api/v1/recheck-settings": {
      get: {
        operationId: "getRecheckSettings",
        summary: "How many days back a re-check reaches (default 30)",
        responses: { 200: okResponse("RecheckSettings", "The setting"), ...errors(401, 429, 500) },
      },
      put: {
        operationId: "putRecheckSettings",
        summary: "Set how many days back a re-check reaches; 0 turns re-checks off (admins signed in, and API keys)",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/RecheckSettings" } } } },
        responses: { 200: okResponse("RecheckSettings", "The setting"), ...errors(400, 401, 403, 413, 415, 429, 500) },
      },
    },
    "/api/v1/pools/{poolId}/versions": {
      get: {
        operationId: "listPoolVersions",
        summary: "A pool's versions, newest first",
        description: "Every import makes a version; evaluations record the version they used and keep it.",
        parameters: [poolParam],
        responses: { 200: okResponse("PoolVersionList", "The versions"), ...errors(401, 404, 429, 500) },
      },
    },
    "/api/v1/pools/{poolId}/versions/{from}/diff/{to}": {
      get: {
        operationId: "diffPoolVersions",
        summary: "What changed between two versions of a pool",
        description: "Candidates added and removed, field-level changes per candidate (dotted paths), and the whole summarised in words.",
        parameters: [poolParam, versionParam("from"), versionParam("to")],
        responses: { 200: okResponse("PoolDiff", "The difference"), ...errors(400, 401, 404, 429, 500) },
      },
    },
  };
}

export function compareWebhooks() {
  return {
    evaluationChanged: {
      post: {
        summary:
          "A re-check (after a new pool version or new scoring rules) found a material change in an evaluation: a candidate entered or left eligibility or the top tier. Sent to the original evaluation's webhook_url, signed like every delivery; recognisable by type \"evaluation.changed\". compare_url opens the difference in the dashboard, api_compare_url in the API.",
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["type", "eval_id", "original_eval_id", "previous_eval_id", "trigger", "compare_url", "api_compare_url", "summary"],
                properties: {
                  type: { const: "evaluation.changed" },
                  eval_id: { type: "string", description: "The new evaluation (the re-check)" },
                  original_eval_id: { type: "string", description: "The evaluation re-checked; it never changes" },
                  previous_eval_id: { type: "string", description: "What the new result was compared with: the original or its previous re-check" },
                  trigger: { type: "string", enum: ["pool_version", "scoring_rules"] },
                  pool_version: { type: ["integer", "null"] },
                  rules_version: { type: ["integer", "null"] },
                  compare_url: { type: "string" },
                  api_compare_url: { type: "string" },
                  summary: { type: "object", properties: { sentences: { type: "array", items: { type: "string" } } } },
                },
              },
            },
          },
        },
        responses: { 200: { description: "Any 2xx acknowledges" } },
      },
    },
  };
}
