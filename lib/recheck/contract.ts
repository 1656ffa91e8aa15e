import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import { RecheckSettings } from "@/lib/recheck/schemas";

// The contracts of GET/PUT /api/v1/recheck-settings (lib/api/contract.ts).

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: days is not an integer from 0 to 365",
  403: "forbidden: a signed-in member who is not an admin",
} as const;

export const getRecheckSettingsRoute = defineRoute({
  method: "get",
  path: "/api/v1/recheck-settings",
  scope: "rules:read",
  operationId: "getRecheckSettings",
  summary: "How many days back a re-check reaches (default 30)",
  description:
    "When one of the organization's pools gets a new version or it saves new scoring rules, its evaluations of the last `days` days on that pool (or domain) are evaluated again as new jobs linked to the originals; a material change is marked (`changed_since`) and sent to the original's webhook_url as an evaluation.changed event.",
  responses: { 200: { description: "The setting", schema: RecheckSettings } },
  errors: pickErrors(ERRORS, 401, 429, 500),
});

export const putRecheckSettingsRoute = defineRoute({
  method: "put",
  path: "/api/v1/recheck-settings",
  scope: "rules:write",
  operationId: "putRecheckSettings",
  summary: "Set how many days back a re-check reaches; 0 turns re-checks off",
  access: "admin",
  body: RecheckSettings,
  responses: { 200: { description: "The setting", schema: RecheckSettings } },
  errors: pickErrors(ERRORS, 400, 401, 403, 413, 415, 429, 500),
});
