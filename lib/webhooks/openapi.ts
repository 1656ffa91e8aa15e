import { z } from "zod";
import { COMMON_ERRORS, errorResponses, jsonBody, okResponse } from "@/lib/api/openapi-parts";
import { DeliveryAttempt, ListWebhookDeliveriesQuery, TestEvent, TestEventBody, TestEventResult, WebhookDelivery, WebhookDeliveryList } from "@/lib/webhooks/schemas";

// The webhook-delivery routes in the OpenAPI document, generated from the zod schemas the
// handlers parse with (the list's query parameters included). lib/api/openapi.ts registers
// WEBHOOK_SCHEMAS and spreads webhookApiPaths() into its paths.

export const WEBHOOK_SCHEMAS = { DeliveryAttempt, WebhookDelivery, WebhookDeliveryList, TestEventBody, TestEventResult, TestEvent } as const;

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: the query or body is invalid (an unknown `starting_after`, a `url` that is not public HTTPS); `details` lists every problem with its path",
  403: "forbidden: a signed-in member who is not an admin (API keys are allowed)",
} as const;

const errors = errorResponses(ERRORS);
const ok = okResponse;
const WHO = "For API keys and signed-in organization admins.";

/** One `in: query` parameter per field of a zod object, with the field's JSON Schema. */
function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { $schema: _, description, ...json } = z.toJSONSchema(field as z.ZodType, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    return { name, in: "query", required: false, ...(description ? { description } : {}), schema: json };
  });
}

export function webhookApiPaths() {
  return {
    "/api/v1/webhook-deliveries": {
      get: {
        operationId: "listWebhookDeliveries",
        summary: "List the organization's webhook deliveries, newest first",
        description: `${WHO} Every delivery across jobs with its last attempt; paginate with \`starting_after\` (the \`id\` of the last item) while \`has_more\` is true. The attempts of one job's deliveries: GET /api/v1/jobs/{eval_id}/deliveries.`,
        parameters: queryParameters(ListWebhookDeliveriesQuery),
        responses: { 200: ok("WebhookDeliveryList", "A page of deliveries"), ...errors(400, 401, 403, 429, 500) },
      },
    },
    "/api/v1/webhook-deliveries/test": {
      post: {
        operationId: "sendTestEvent",
        summary: "Send a signed test event to a URL now",
        description: `${WHO} Checks \`url\` like a job's webhook_url, then POSTs one TestEvent body, signed with the organization's secret(s) like every delivery, and answers 200 with the attempt's outcome, whether the receiver accepted it or not. Not stored, not retried.`,
        requestBody: jsonBody("TestEventBody"),
        responses: { 200: ok("TestEventResult", "The attempt: succeeded (2xx) or failed, with status, latency and response excerpt"), ...errors(400, 401, 403, 413, 415, 429, 500) },
      },
    },
  };
}
