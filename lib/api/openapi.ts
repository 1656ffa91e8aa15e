import { z } from "zod";
import { DOMAINS } from "@/lib/engine";
import {
  CreateJobBody, CreateJobResponse, JobResponse, JobResult, ListJobsResponse, ListPoolsResponse, ErrorResponse, ScoredCandidate, JobSummary, PoolResponse, JobError,
} from "@/lib/jobs/schemas";
import { NEXIO_VERSION } from "@/lib/version";
import { errorResponses, jsonBody, jsonContent, okResponse } from "@/lib/api/openapi-parts";
import { SETTINGS_SCHEMAS, settingsApiPaths } from "@/lib/api/openapi-settings";
import { ImportPoolResponse } from "@/lib/pools/schemas";
import { poolImportOperation } from "@/lib/pools/openapi";
import { WEBHOOK_SCHEMAS, webhookApiPaths } from "@/lib/webhooks/openapi";
import { SCORING_RULES_SCHEMAS, scoringRulesApiPaths } from "@/lib/rules/openapi";

// OpenAPI 3.1 (JSON Schema 2020-12) generated from the very zod schemas the handlers use, so the
// document cannot drift from the code.

const errorCodes = {
  400: "invalid_request: the body or query is invalid; `details` lists every problem with its path",
  401: "unauthorized: missing, unknown or revoked API key",
  404: "not_found: no such job in this organization",
  409: "idempotency_conflict: the Idempotency-Key was used with a different body",
  413: "payload_too_large: body over 64 KiB",
  415: "unsupported_media_type: Content-Type must be application/json",
  429: "rate_limited: too many requests; see Retry-After",
  500: "internal_error",
} as const;

const errors = errorResponses(errorCodes);
const ok = okResponse;

export function openApiDocument(baseUrl: string) {
  const registry = z.registry<{ id: string }>();
  const add = (id: string, schema: z.ZodType) => registry.add(schema, { id });
  add("CreateJobBody", CreateJobBody);
  add("CreateJobResponse", CreateJobResponse);
  add("Candidate", ScoredCandidate);
  add("JobError", JobError);
  add("JobResult", JobResult);
  add("Job", JobResponse);
  add("JobSummary", JobSummary);
  add("JobList", ListJobsResponse);
  add("Pool", PoolResponse);
  add("PoolList", ListPoolsResponse);
  add("PoolImport", ImportPoolResponse);
  add("Error", ErrorResponse);
  for (const d of Object.values(DOMAINS)) add(`${capitalize(d.id)}Profile`, d.profileSchema);
  for (const d of Object.values(DOMAINS)) add(`${capitalize(d.id)}Candidate`, d.candidateSchema);
  for (const [id, schema] of Object.entries(SETTINGS_SCHEMAS)) add(id, schema);
  for (const [id, schema] of Object.entries(WEBHOOK_SCHEMAS)) add(id, schema);
  for (const [id, schema] of Object.entries(SCORING_RULES_SCHEMAS)) add(id, schema);

  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  // Each component is addressed by its place in the document; zod's "$id": "#/components/…" is a
  // fragment, which JSON Schema 2020-12 forbids in $id.
  for (const s of Object.values(schemas)) {
    delete (s as Record<string, unknown>).$schema;
    delete (s as Record<string, unknown>).$id;
  }

  const profileRefs = Object.values(DOMAINS).map((d) => ({ $ref: `#/components/schemas/${capitalize(d.id)}Profile` }));
  const body = schemas.CreateJobBody as { properties: Record<string, unknown> };
  body.properties.profile = {
    description: "The entity profile; which schema applies depends on the pool's domain (GET /api/v1/pools).",
    oneOf: profileRefs,
  };

  return {
    openapi: "3.1.0",
    info: {
      title: "Nexio API",
      version: NEXIO_VERSION,
      description:
        "Submit evaluations of a profile against a candidate pool; receive ranked, explained results by webhook or by polling.",
    },
    servers: [{ url: baseUrl }],
    security: [{ ApiKey: [] }],
    paths: {
      "/api/v1/jobs": {
        post: {
          operationId: "createJob",
          summary: "Submit an evaluation",
          description: "Validates, stores and enqueues an evaluation. Answers 202 at once; the result arrives by webhook or polling.",
          parameters: [
            { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 }, description: "Same key and body within 24 h returns the first response instead of creating a second job." },
          ],
          requestBody: jsonBody("CreateJobBody"),
          responses: {
            202: ok("CreateJobResponse", "Accepted and queued", { Location: { schema: { type: "string" }, description: "URL of the job" } }),
            ...errors(400, 401, 409, 413, 415, 429, 500),
          },
        },
        get: {
          operationId: "listJobs",
          summary: "List jobs, newest first",
          parameters: [
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 10 } },
            { name: "starting_after", in: "query", schema: { type: "string" }, description: "eval_id of the last job of the previous page" },
            { name: "status", in: "query", schema: { type: "string", enum: ["queued", "running", "completed", "failed"] } },
            { name: "pool", in: "query", schema: { type: "string" } },
            { name: "q", in: "query", schema: { type: "string" }, description: "Search in profile.entity" },
          ],
          responses: { 200: ok("JobList", "A page of jobs"), ...errors(400, 401, 429, 500) },
        },
      },
      "/api/v1/jobs/{eval_id}": {
        get: {
          operationId: "getJob",
          summary: "Status and, once completed, the full result",
          parameters: [{ name: "eval_id", in: "path", required: true, schema: { type: "string", pattern: "^eval_[0-9A-Za-z]+$" } }],
          responses: { 200: ok("Job", "The job"), ...errors(401, 404, 429, 500) },
        },
      },
      "/api/v1/jobs/{eval_id}/deliveries": {
        get: {
          operationId: "listDeliveries",
          summary: "Webhook deliveries of a job and every attempt",
          parameters: [{ name: "eval_id", in: "path", required: true, schema: { type: "string" } }],
          responses: { 200: { description: "Deliveries with their attempts" }, ...errors(401, 404, 429, 500) },
        },
        post: {
          operationId: "redeliver",
          summary: "Send the result to the job's webhook again (new webhook-id)",
          parameters: [{ name: "eval_id", in: "path", required: true, schema: { type: "string" } }],
          responses: { 202: { description: "Redelivery queued" }, ...errors(400, 401, 404, 429, 500) },
        },
      },
      "/api/v1/pools": {
        get: { operationId: "listPools", summary: "Pools this organization may use", responses: { 200: ok("PoolList", "Pools"), ...errors(401, 429, 500) } },
        post: poolImportOperation(Object.values(DOMAINS).map((d) => ({ $ref: `#/components/schemas/${capitalize(d.id)}Candidate` }))),
      },
      ...webhookApiPaths(),
      ...settingsApiPaths(),
      ...scoringRulesApiPaths(),
    },
    webhooks: {
      evaluationFinished: {
        post: {
          summary: "Result of an evaluation (Standard Webhooks signed: webhook-id, webhook-timestamp, webhook-signature)",
          requestBody: { content: jsonContent("JobResult") },
          responses: { 200: { description: "Any 2xx acknowledges" } },
        },
      },
      testEvent: {
        post: {
          summary: "A test event, sent only on request (POST /api/v1/webhook-deliveries/test); signed the same way, recognisable by type \"test\" and a null eval_id",
          requestBody: { content: jsonContent("TestEvent") },
          responses: { 200: { description: "Any 2xx acknowledges" } },
        },
      },
    },
    components: {
      securitySchemes: { ApiKey: { type: "apiKey", in: "header", name: "X-API-Key" } },
      schemas,
    },
  };
}

const capitalize = (s: string) => s[0].toUpperCase() + s.slice(1);
