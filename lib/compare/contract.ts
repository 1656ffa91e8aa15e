import { z } from "zod";
import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import { EVAL_ID_PATTERN } from "@/lib/id-patterns";
import { CompareResponse, ListPoolVersionsResponse, PoolDiffResponse } from "@/lib/compare/schemas";

// The contracts of "What changed": compare two jobs, a pool's versions and the diff of two
// (lib/api/contract.ts).

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: the two evaluations are of different domains (`details[0].code` domain_mismatch)",
  404: "not_found: no such job, pool or version in this organization (a malformed id or version too)",
  409: "conflict: an evaluation is not completed yet (`details[0].code` not_completed, `path` a or b)",
} as const;

const evalId = (description: string) => z.string().regex(EVAL_ID_PATTERN).meta({ description });

export const compareJobsRoute = defineRoute({
  method: "get",
  path: "/api/v1/jobs/{eval_id}/compare/{other_id}",
  scope: "jobs:read",
  operationId: "compareJobs",
  summary: "What changed from one evaluation (before) to another (after)",
  description:
    "The inputs that differ (profile fields, pool and version, rules version, engine version), then every candidate that changed: entered or left eligibility (with the filter that removed it), tier, each level (with both sides' evidence for the first 200 entries), rank. Material changes (eligibility, or the top tier) come first. Both evaluations must be completed and of the same domain.",
  params: z.object({ evalId: evalId("The evaluation compared from (before)"), otherId: evalId("The evaluation compared to (after)") }),
  notFound: "Job",
  responses: { 200: { description: "The comparison", schema: CompareResponse } },
  errors: pickErrors(ERRORS, 400, 401, 404, 409, 429, 500),
});

const PoolIdParam = z.string().min(1).max(100).meta({ description: "The pool's id as GET /api/v1/pools lists it, e.g. carriers:all" });

export const listPoolVersionsRoute = defineRoute({
  method: "get",
  path: "/api/v1/pools/{pool_id}/versions",
  scope: "pools:read",
  operationId: "listPoolVersions",
  summary: "A pool's versions, newest first",
  description: "Every import makes a version; evaluations record the version they used and keep it.",
  params: z.object({ poolId: PoolIdParam }),
  notFound: "Pool",
  responses: { 200: { description: "The versions", schema: ListPoolVersionsResponse } },
  errors: pickErrors(ERRORS, 401, 404, 429, 500),
});

export const diffPoolVersionsRoute = defineRoute({
  method: "get",
  path: "/api/v1/pools/{pool_id}/versions/{from}/diff/{to}",
  scope: "pools:read",
  operationId: "diffPoolVersions",
  summary: "What changed between two versions of a pool",
  description: "Candidates added and removed, field-level changes per candidate (dotted paths), and the whole summarised in words.",
  params: z.object({
    poolId: PoolIdParam,
    from: z.coerce.number().int().min(1).meta({ description: "The earlier version" }),
    to: z.coerce.number().int().min(1).meta({ description: "The later version" }),
  }),
  notFound: "Pool version",
  responses: { 200: { description: "The difference", schema: PoolDiffResponse } },
  errors: pickErrors(ERRORS, 401, 404, 429, 500),
});
