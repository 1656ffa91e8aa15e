import { PageQuery } from "@/lib/paging";
import { z } from "zod";
import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import { API_KEY_ID_PATTERN } from "@/lib/id-patterns";
import { ApiKeyList, CreateApiKeyBody, CreatedApiKey } from "@/lib/keys/schemas";

// The contracts of the API-key routes (lib/api/contract.ts).

export const SETTINGS_ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: the body is invalid; `details` lists every problem with its path",
  403: "forbidden: settings are for signed-in organization admins (API keys and other roles get 403)",
  404: "not_found: nothing with this id in the organization",
} as const;
export const ADMIN_ONLY =
  "For a signed-in organization admin (dashboard session) only: API keys get 403, so a leaked key cannot mint keys, read the signing secret or add people.";

export const listApiKeysRoute = defineRoute({
  method: "get",
  path: "/api/v1/api-keys",
  operationId: "listApiKeys",
  query: PageQuery,
  summary: "The organization's API keys",
  description: ADMIN_ONLY,
  access: "settings-admin",
  responses: { 200: { description: "Keys (prefix only, never the key or its hash)", schema: ApiKeyList } },
  errors: pickErrors(SETTINGS_ERRORS, 401, 403, 429, 500),
});

export const createApiKeyRoute = defineRoute({
  method: "post",
  path: "/api/v1/api-keys",
  operationId: "createApiKey",
  summary: "Create an API key (shown once)",
  description: ADMIN_ONLY,
  access: "settings-admin",
  body: CreateApiKeyBody,
  responses: { 201: { description: "The new key; `key` appears in this response only", schema: CreatedApiKey } },
  errors: pickErrors(SETTINGS_ERRORS, 400, 401, 403, 413, 415, 429, 500),
});

export const revokeApiKeyRoute = defineRoute({
  method: "delete",
  path: "/api/v1/api-keys/{id}",
  operationId: "revokeApiKey",
  summary: "Revoke an API key",
  description: ADMIN_ONLY,
  access: "settings-admin",
  params: z.object({ id: z.string().regex(API_KEY_ID_PATTERN).meta({ description: "The key's id (key_…)" }) }),
  notFound: "API key",
  responses: { 204: { description: "Revoked (also when it already was)" } },
  errors: pickErrors(SETTINGS_ERRORS, 401, 403, 404, 429, 500),
});
