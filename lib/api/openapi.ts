import { z } from "zod";
import { DOMAINS } from "@/lib/engine";
import {
  CreateJobBody,
  CreateJobResponse,
  JobResponse,
  JobResult,
  JobFailed,
  ListJobsResponse,
  ListPoolsResponse,
  ErrorResponse,
  ScoredCandidate,
  NearMiss,
  JobSummary,
  PoolResponse,
  JobError,
} from "@/lib/jobs/schemas";
import { ImportPoolResponse } from "@/lib/pools/schemas";
import { ApiKeyList, ApiKeyView, CreateApiKeyBody, CreatedApiKey } from "@/lib/keys/schemas";
import { AddMemberBody, MemberList, MemberView } from "@/lib/orgs/schemas";
import { CreateShareLinkBody, CreatedShareLink, ShareLinkList, ShareLinkView } from "@/lib/share/schemas";
import {
  Delivery,
  DeliveryAttempt,
  DeliveryListResponse,
  TestEvent,
  TestEventBody,
  TestEventResult,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookSecretView,
} from "@/lib/webhooks/schemas";
import { PutScoringRulesBody, ScoringRulesResponse } from "@/lib/rules/schemas";
import { TraceJson } from "@/lib/traces/schemas";
import { EvaluationChangedEvent } from "@/lib/recheck/schemas";
import { BatchCompletedEvent, BatchCounts, BatchReport, BatchResponse, BatchResultRow, BatchSummary, ListBatchesResponse } from "@/lib/batches/schemas";
import { PlanEventBody, PlanView, PlanWebhookEvent, PutPlanBody } from "@/lib/plan/schemas";
import { snakeCase, type RouteContract } from "@/lib/api/contract";
import { ROUTES } from "@/lib/api/routes";
import { NEXIO_VERSION } from "@/lib/version";

// OpenAPI 3.1 (JSON Schema 2020-12) generated from the route contracts (lib/api/routes.ts): every
// path, parameter, body and response comes from the zod schemas the handlers parse with, so the
// document cannot drift from the code. Nothing here is written per route.

/** Component names of the shared schemas (the names clients generate types from: keep them). */
const COMPONENTS: Record<string, z.ZodType> = {
  CreateJobBody,
  CreateJobResponse,
  Candidate: ScoredCandidate,
  NearMiss,
  JobError,
  JobResult,
  JobFailed,
  Job: JobResponse,
  JobSummary,
  JobList: ListJobsResponse,
  Pool: PoolResponse,
  PoolList: ListPoolsResponse,
  PoolImport: ImportPoolResponse,
  Error: ErrorResponse,
  CreateShareLinkBody,
  ShareLink: ShareLinkView,
  ShareLinkList,
  CreatedShareLink,
  CreateApiKeyBody,
  ApiKey: ApiKeyView,
  ApiKeyList,
  CreatedApiKey,
  WebhookSecret: WebhookSecretView,
  AddMemberBody,
  Member: MemberView,
  MemberList,
  DeliveryAttempt,
  Delivery,
  DeliveryList: DeliveryListResponse,
  WebhookDelivery,
  WebhookDeliveryList,
  TestEventBody,
  TestEventResult,
  TestEvent,
  PutScoringRulesBody,
  ScoringRules: ScoringRulesResponse,
  Trace: TraceJson,
  EvaluationChanged: EvaluationChangedEvent,
  Batch: BatchResponse,
  BatchSummary,
  BatchCounts,
  BatchList: ListBatchesResponse,
  BatchReport,
  BatchResultRow,
  BatchCompletedEvent,
  Plan: PlanView,
  PutPlanBody,
  PlanEventBody,
  PlanWebhookEvent,
};

type Json = Record<string, unknown>;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const jsonContent = (id: string, example?: unknown) => ({ "application/json": { schema: ref(id), ...(example !== undefined ? { example } : {}) } });
const pascal = (s: string) => s[0].toUpperCase() + s.slice(1);

/** One parameter per field of a zod object, with the field's JSON Schema (its description lifted). */
function parameters(schema: z.ZodObject | undefined, where: "query" | "path"): Json[] {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([key, field]) => {
    const { $schema: _, description, ...json } = z.toJSONSchema(field as z.ZodType, { io: "input", unrepresentable: "any" }) as Json;
    const required = where === "path" || !(field as z.ZodType).safeParse(undefined).success;
    return { name: where === "path" ? snakeCase(key) : key, in: where, required, ...(description ? { description } : {}), schema: json };
  });
}

function operation(c: RouteContract, name: (schema: z.ZodType) => string): Json {
  const responses: Json = {};
  for (const [status, r] of Object.entries(c.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.headers ? { headers: r.headers } : {}),
      ...(r.schema ? { content: jsonContent(name(r.schema)) } : {}),
    };
  }
  for (const [status, description] of Object.entries(c.errors)) responses[status] = { description, content: jsonContent("Error") };
  // A scoped route answers 403 to a key without the scope, whether or not its error table says so.
  if (c.scope && !responses["403"]) responses["403"] = { description: `forbidden: an API key without the \`${c.scope}\` scope`, content: jsonContent("Error") };
  const headers = (c.headers ?? []).map((h) => ({ name: h.name, in: "header", required: false, schema: h.schema, description: h.description }));
  const params = [...parameters(c.params, "path"), ...parameters(c.query, "query"), ...headers];
  return {
    operationId: c.operationId,
    summary: c.summary,
    ...(c.description ? { description: c.description } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(c.body ? { requestBody: { required: true, content: jsonContent(name(c.body), c.bodyExample) } } : {}),
    ...(c.rawBody ? { requestBody: { required: true, ...c.rawBody } } : {}),
    responses,
    ...(c.scope ? { "x-scope": c.scope } : {}),
    ...(c.security ? { security: c.security } : {}),
  };
}

export function openApiDocument(baseUrl: string, routes: readonly RouteContract[] = ROUTES) {
  const registry = z.registry<{ id: string }>();
  const names = new Map<z.ZodType, string>();
  const add = (id: string, schema: z.ZodType) => {
    if (names.has(schema)) return;
    registry.add(schema, { id });
    names.set(schema, id);
  };
  for (const [id, schema] of Object.entries(COMPONENTS)) add(id, schema);
  for (const d of Object.values(DOMAINS)) add(`${pascal(d.id)}Profile`, d.profileSchema);
  for (const d of Object.values(DOMAINS)) add(`${pascal(d.id)}Candidate`, d.candidateSchema);
  // A contract's body or response schema that has no name above is published under its operation's.
  for (const c of routes) {
    if (c.body) add(`${pascal(c.operationId)}Body`, c.body);
    for (const [status, r] of Object.entries(c.responses)) if (r.schema) add(`${pascal(c.operationId)}${status}Response`, r.schema);
  }

  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  // Each component is addressed by its place in the document; zod's "$id": "#/components/…" is a
  // fragment, which JSON Schema 2020-12 forbids in $id.
  for (const s of Object.values(schemas)) {
    delete (s as Json).$schema;
    delete (s as Json).$id;
  }

  const body = schemas.CreateJobBody as { properties: Json };
  body.properties.profile = {
    description: "The entity profile; which schema applies depends on the pool's domain (GET /api/v1/pools).",
    oneOf: Object.values(DOMAINS).map((d) => ref(`${pascal(d.id)}Profile`)),
  };

  const paths: Record<string, Json> = {};
  for (const c of routes) (paths[c.path] ??= {})[c.method] = operation(c, (s) => names.get(s)!);

  const signed =
    "Signed with Standard Webhooks (headers webhook-id, webhook-timestamp, webhook-signature); the same webhook-id on every retry of one delivery.";
  const event = (summary: string, id: string) => ({
    post: {
      summary,
      description: signed,
      requestBody: { required: true, content: jsonContent(id) },
      responses: { 200: { description: "Any 2xx acknowledges; anything else is retried on a schedule" } },
    },
  });

  return {
    openapi: "3.1.0",
    info: {
      title: "Nexio API",
      version: NEXIO_VERSION,
      description: "Submit evaluations of a profile against a candidate pool; receive ranked, explained results by webhook or by polling.",
    },
    servers: [{ url: baseUrl }],
    security: [{ ApiKey: [] }],
    paths,
    webhooks: {
      evaluationCompleted: event("An evaluation completed: the ranked result, sent to the job's webhook_url", "JobResult"),
      evaluationFailed: event("An evaluation failed: its error, sent to the job's webhook_url", "JobFailed"),
      evaluationChanged: event(
        'A re-check (after a new pool version or new scoring rules) found a material change in an evaluation: a candidate entered or left eligibility or the top tier. Sent to the original evaluation\'s webhook_url; type "evaluation.changed"',
        "EvaluationChanged",
      ),
      batchCompleted: event(
        "A batch finished (every row completed or failed): counts and where to fetch the results, sent to the batch's webhook_url",
        "BatchCompletedEvent",
      ),
      testEvent: event(
        'A test event, sent only on request (POST /api/v1/webhook-deliveries/test); signed the same way, recognisable by type "test" and a null eval_id',
        "TestEvent",
      ),
      planUpdated: event('A market-plan change (a carrier added, a status change), sent to the job\'s webhook_url; type "plan.updated"', "PlanWebhookEvent"),
    },
    components: {
      securitySchemes: { ApiKey: { type: "apiKey", in: "header", name: "X-API-Key" } },
      schemas,
    },
  };
}
