import { ApiKeyList, ApiKeyView, CreateApiKeyBody, CreatedApiKey } from "@/lib/keys/schemas";
import { AddMemberBody, MemberList, MemberView } from "@/lib/orgs/schemas";
import { CreateShareLinkBody, CreatedShareLink, ShareLinkList, ShareLinkView } from "@/lib/share/schemas";
import { WebhookSecretView } from "@/lib/webhooks/schemas";
import { COMMON_ERRORS, errorResponses, jsonBody, okResponse } from "@/lib/api/openapi-parts";

// The share-link and settings routes in the OpenAPI document, generated from the same zod
// schemas the handlers parse with. lib/api/openapi.ts registers SETTINGS_SCHEMAS and spreads
// settingsApiPaths() into its paths.

export const SETTINGS_SCHEMAS = {
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
} as const;

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: the body is invalid; `details` lists every problem with its path",
  403: "forbidden: settings are for signed-in organization admins (API keys and other roles get 403)",
  404: "not_found: nothing with this id in the organization",
} as const;

const errors = errorResponses(ERRORS);
const ok = okResponse;
const body = jsonBody;
const pathParam = (name: string, pattern: string) => ({ name, in: "path", required: true, schema: { type: "string", pattern } });
const ADMIN = "For a signed-in organization admin (dashboard session) only: API keys get 403, so a leaked key cannot mint keys, read the signing secret or add people.";
const writeErrors = errors(400, 401, 403, 413, 415, 429, 500);

export function settingsApiPaths() {
  const evalId = pathParam("eval_id", "^eval_[0-9A-Za-z]+$");
  return {
    "/api/v1/jobs/{eval_id}/share-links": {
      get: { operationId: "listShareLinks", summary: "Share links of a job's audit trace", parameters: [evalId], responses: { 200: ok("ShareLinkList", "Links, newest first; never the token"), ...errors(401, 404, 429, 500) } },
      post: {
        operationId: "createShareLink",
        summary: "Make a revocable, expiring read-only link to the audit trace",
        description: "The token and URL are in this response only: Nexio stores a hash. The link opens /share/{token} without signing in until it expires or is revoked.",
        parameters: [evalId],
        requestBody: body("CreateShareLinkBody"),
        responses: { 201: ok("CreatedShareLink", "The new link, shown once"), ...errors(400, 401, 404, 413, 415, 429, 500) },
      },
    },
    "/api/v1/share-links/{id}": {
      delete: { operationId: "revokeShareLink", summary: "Revoke a share link", parameters: [pathParam("id", "^shr_[0-9A-Za-z]+$")], responses: { 204: { description: "Revoked" }, ...errors(401, 404, 429, 500) } },
    },
    "/api/v1/api-keys": {
      get: { operationId: "listApiKeys", summary: "The organization's API keys", description: ADMIN, responses: { 200: ok("ApiKeyList", "Keys (prefix only, never the key or its hash)"), ...errors(401, 403, 429, 500) } },
      post: { operationId: "createApiKey", summary: "Create an API key (shown once)", description: ADMIN, requestBody: body("CreateApiKeyBody"), responses: { 201: ok("CreatedApiKey", "The new key; `key` appears in this response only"), ...writeErrors } },
    },
    "/api/v1/api-keys/{id}": {
      delete: { operationId: "revokeApiKey", summary: "Revoke an API key", description: ADMIN, parameters: [pathParam("id", "^key_[0-9A-Za-z]+$")], responses: { 204: { description: "Revoked (also when it already was)" }, ...errors(401, 403, 404, 429, 500) } },
    },
    "/api/v1/webhook-secret": {
      get: { operationId: "getWebhookSecret", summary: "Reveal the webhook signing secret", description: ADMIN, responses: { 200: ok("WebhookSecret", "The current secret"), ...errors(401, 403, 429, 500) } },
      post: {
        operationId: "rotateWebhookSecret",
        summary: "Rotate the webhook signing secret",
        description: `${ADMIN} For 24 hours after a rotation, deliveries are signed with the previous secret as well.`,
        responses: { 200: ok("WebhookSecret", "The new secret"), ...errors(401, 403, 429, 500) },
      },
    },
    "/api/v1/members": {
      get: { operationId: "listMembers", summary: "The organization's members", description: ADMIN, responses: { 200: ok("MemberList", "Members"), ...errors(401, 403, 429, 500) } },
      post: { operationId: "addMember", summary: "Add a person who signs in with a temporary password", description: ADMIN, requestBody: body("AddMemberBody"), responses: { 201: ok("Member", "The new member"), ...writeErrors } },
    },
  };
}
