import { z } from "zod";
import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import { EVAL_ID_PATTERN } from "@/lib/id-patterns";
import { CreateJobBody, CreateJobResponse, GetJobQuery, JobResponse, ListJobsQuery, ListJobsResponse } from "@/lib/jobs/schemas";

// The contracts of /api/v1/jobs and /api/v1/jobs/{eval_id} (lib/api/contract.ts).

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: the body or query is invalid; `details` lists every problem with its path",
  401: "unauthorized: missing, unknown or revoked API key",
  404: "not_found: no such job in this organization",
  409: "idempotency_conflict: the Idempotency-Key was used with a different body",
} as const;

export const EvalIdParams = z.object({ evalId: z.string().regex(EVAL_ID_PATTERN).meta({ description: "The job's eval_id" }) });

export const createJobRoute = defineRoute({
  method: "post",
  path: "/api/v1/jobs",
  operationId: "createJob",
  scope: "jobs:write",
  summary: "Submit an evaluation",
  description: "Validates, stores and enqueues an evaluation. Answers 202 at once; the result arrives by webhook or polling.",
  headers: [
    {
      name: "Idempotency-Key",
      description: "Same key and body within 24 h returns the first response instead of creating a second job.",
      schema: { type: "string", maxLength: 255 },
    },
  ],
  body: CreateJobBody,
  bodyValidation: "deferred",
  responses: {
    202: {
      description: "Accepted and queued",
      schema: CreateJobResponse,
      headers: { Location: { schema: { type: "string" }, description: "URL of the job" } },
    },
  },
  errors: pickErrors(ERRORS, 400, 401, 409, 413, 415, 429, 500),
});

export const listJobsRoute = defineRoute({
  method: "get",
  path: "/api/v1/jobs",
  operationId: "listJobs",
  scope: "jobs:read",
  summary: "List jobs, newest first",
  query: ListJobsQuery,
  responses: { 200: { description: "A page of jobs", schema: ListJobsResponse } },
  errors: pickErrors(ERRORS, 400, 401, 429, 500),
});

export const getJobRoute = defineRoute({
  method: "get",
  path: "/api/v1/jobs/{eval_id}",
  operationId: "getJob",
  scope: "jobs:read",
  summary: "Status and, once completed, the full result",
  params: EvalIdParams,
  query: GetJobQuery,
  notFound: "Job",
  responses: { 200: { description: "The job", schema: JobResponse } },
  errors: pickErrors(ERRORS, 400, 401, 404, 429, 500),
});
