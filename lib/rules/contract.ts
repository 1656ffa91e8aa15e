import { z } from "zod";
import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import { PutScoringRulesBody, SCORING_DOMAINS, ScoringRulesResponse } from "@/lib/rules/schemas";

// The contracts of GET/PUT /api/v1/scoring-rules/{domain} (lib/api/contract.ts).

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: the overrides do not merge onto the defaults or make no sense (e.g. a negative weight, moderate_min_score above strong_min_score); `details` lists every problem with a path like `overrides.weights.appetite`",
  403: "forbidden: a signed-in member who is not an admin",
  404: "not_found: no such domain",
  409: "conflict: another save of the same domain's rules finished first; retry",
} as const;

const DomainParams = z.object({ domain: z.enum(SCORING_DOMAINS) });

export const getScoringRulesRoute = defineRoute({
  method: "get",
  path: "/api/v1/scoring-rules/{domain}",
  operationId: "getScoringRules",
  scope: "rules:read",
  summary: "The organization's scoring rules for a domain: current version, overrides, effective rules and defaults",
  description: "Version 0 means the organization never changed the defaults. Every member and API key may read.",
  params: DomainParams,
  notFound: "Domain",
  responses: { 200: { description: "The rules in force", schema: ScoringRulesResponse } },
  errors: pickErrors(ERRORS, 401, 404, 429, 500),
});

export const putScoringRulesRoute = defineRoute({
  method: "put",
  path: "/api/v1/scoring-rules/{domain}",
  operationId: "putScoringRules",
  scope: "rules:write",
  summary: "Save the organization's scoring rules for a domain as a new version",
  description:
    "Evaluations submitted afterwards use the new version; finished jobs keep the version they were evaluated with (`rules_version` on the job). The overrides are stored as their difference from the defaults; overrides equal to the current version's add no version (`new_version` false). `{\"overrides\":{}}` resets to the defaults as a new version. For organization admins signed in and the organization's API keys.",
  access: "admin",
  params: DomainParams,
  notFound: "Domain",
  body: PutScoringRulesBody,
  bodyExample: { overrides: { weights: { appetite: 40 }, tier: { strong_min_score: 80 } } },
  responses: { 200: { description: "The rules in force after the save", schema: ScoringRulesResponse } },
  errors: pickErrors(ERRORS, 400, 401, 403, 404, 409, 413, 415, 429, 500),
});
