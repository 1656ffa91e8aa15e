import { PageQuery } from "@/lib/paging";
import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import { EvalIdParams } from "@/lib/jobs/contract";
import {
  Delivery,
  DeliveryListResponse,
  ListWebhookDeliveriesQuery,
  TestEventBody,
  TestEventResult,
  WebhookDeliveryList,
  WebhookSecretView,
} from "@/lib/webhooks/schemas";

// The contracts of the webhook-delivery and signing-secret routes (lib/api/contract.ts).

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: the query or body is invalid (an unknown `starting_after`, a `url` that is not public HTTPS); `details` lists every problem with its path",
  403: "forbidden: a signed-in member who is not an admin (API keys are allowed)",
  404: "not_found: no such job in this organization",
} as const;
const WHO = "For API keys and signed-in organization admins.";
const ADMIN =
  "For a signed-in organization admin (dashboard session) only: API keys get 403, so a leaked key cannot mint keys, read the signing secret or add people.";
const ADMIN_403 = "forbidden: settings are for signed-in organization admins (API keys and other roles get 403)";

export const listDeliveriesRoute = defineRoute({
  method: "get",
  path: "/api/v1/jobs/{eval_id}/deliveries",
  operationId: "listDeliveries",
  query: PageQuery,
  scope: "jobs:read",
  summary: "Webhook deliveries of a job and every attempt",
  params: EvalIdParams,
  notFound: "Job",
  responses: { 200: { description: "Deliveries with their attempts, oldest first", schema: DeliveryListResponse } },
  errors: pickErrors(ERRORS, 401, 404, 429, 500),
});

export const redeliverRoute = defineRoute({
  method: "post",
  path: "/api/v1/jobs/{eval_id}/deliveries",
  operationId: "redeliver",
  scope: "webhooks:manage",
  summary: "Send the result to the job's webhook again (new webhook-id)",
  params: EvalIdParams,
  notFound: "Job",
  responses: { 202: { description: "Redelivery queued", schema: Delivery } },
  errors: { ...pickErrors(ERRORS, 401, 404, 429, 500), 400: "invalid_request: the job is not finished or has no webhook_url" },
});

export const listWebhookDeliveriesRoute = defineRoute({
  method: "get",
  path: "/api/v1/webhook-deliveries",
  operationId: "listWebhookDeliveries",
  scope: "webhooks:manage",
  summary: "List the organization's webhook deliveries, newest first",
  access: "admin",
  description: `${WHO} Every delivery across jobs with its last attempt; paginate with \`starting_after\` (the \`id\` of the last item) while \`has_more\` is true. The attempts of one job's deliveries: GET /api/v1/jobs/{eval_id}/deliveries.`,
  query: ListWebhookDeliveriesQuery,
  responses: { 200: { description: "A page of deliveries", schema: WebhookDeliveryList } },
  errors: pickErrors(ERRORS, 400, 401, 403, 429, 500),
});

export const sendTestEventRoute = defineRoute({
  method: "post",
  path: "/api/v1/webhook-deliveries/test",
  operationId: "sendTestEvent",
  scope: "webhooks:manage",
  summary: "Send a signed test event to a URL now",
  access: "admin",
  description: `${WHO} Checks \`url\` like a job's webhook_url, then POSTs one TestEvent body, signed with the organization's secret(s) like every delivery, and answers 200 with the attempt's outcome, whether the receiver accepted it or not. Not stored, not retried.`,
  body: TestEventBody,
  responses: { 200: { description: "The attempt: succeeded (2xx) or failed, with status, latency and response excerpt", schema: TestEventResult } },
  errors: pickErrors(ERRORS, 400, 401, 403, 413, 415, 429, 500),
});

export const getWebhookSecretRoute = defineRoute({
  method: "get",
  path: "/api/v1/webhook-secret",
  operationId: "getWebhookSecret",
  summary: "Reveal the webhook signing secret",
  access: "settings-admin",
  description: ADMIN,
  responses: { 200: { description: "The current secret", schema: WebhookSecretView } },
  errors: { ...pickErrors(ERRORS, 401, 429, 500), 403: ADMIN_403 },
});

export const rotateWebhookSecretRoute = defineRoute({
  method: "post",
  path: "/api/v1/webhook-secret",
  operationId: "rotateWebhookSecret",
  summary: "Rotate the webhook signing secret",
  access: "settings-admin",
  description: `${ADMIN} For 24 hours after a rotation, deliveries are signed with the previous secret as well.`,
  responses: { 200: { description: "The new secret", schema: WebhookSecretView } },
  errors: { ...pickErrors(ERRORS, 401, 429, 500), 403: ADMIN_403 },
});
