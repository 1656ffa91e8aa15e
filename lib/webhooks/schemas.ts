import { z } from "zod";

// The contracts of the webhook-delivery routes, in one place: the handlers parse with them, the
// dashboard reads their types (the test-event form checks the same body), the tests verify
// responses against them, and lib/api/openapi.ts publishes them. The dashboard imports this
// file, so it imports nothing but zod (tests/architecture.test.ts); lib/webhooks/ssrf.ts takes
// MAX_WEBHOOK_URL_LENGTH from here.

/** The longest webhook URL accepted (lib/webhooks/ssrf.ts checks it too). */
export const MAX_WEBHOOK_URL_LENGTH = 2048;
const MAX_URL_LENGTH = MAX_WEBHOOK_URL_LENGTH;

export const DeliveryAttempt = z
  .object({
    attempt: z.number().int().min(1),
    at: z.string().meta({ description: "When the attempt started (ISO 8601)" }),
    status_code: z.number().int().nullable().meta({ description: "The receiver's HTTP status; null when no response came" }),
    latency_ms: z.number().int(),
    response_excerpt: z.string().nullable().meta({ description: "The first 1 KB of the response body" }),
    error: z.string().nullable(),
  })
  .meta({ id: "DeliveryAttempt" });

export const DeliveryStatus = z.enum(["pending", "succeeded", "failed"]);

export const Delivery = z
  .object({
    id: z.string().meta({ description: "The delivery's id (dlv_…), the cursor for starting_after" }),
    webhook_id: z.string().meta({ description: "The webhook-id header, the same on every attempt of this delivery" }),
    url: z.string(),
    status: DeliveryStatus,
    attempts: z.number().int().min(0),
    next_attempt_at: z.string().nullable().meta({ description: "When the next attempt is due; null once the delivery is settled" }),
    last_error: z.string().nullable(),
    manual: z.boolean().meta({ description: "true for a redelivery requested by a person" }),
    created_at: z.string(),
    attempt_log: z.array(DeliveryAttempt),
  })
  .meta({ id: "Delivery" });
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryListResponse = z.object({ data: z.array(Delivery), has_more: z.boolean() }).meta({ id: "DeliveryListResponse" });
export type DeliveryListResponse = z.infer<typeof DeliveryListResponse>;

// ---- GET /api/v1/webhook-deliveries ----------------------------------------------------------

/** One delivery in the organization's list: the job's delivery view plus its job and last attempt. */
export const WebhookDelivery = Delivery.omit({ attempt_log: true })
  .extend({
    eval_id: z.string().meta({ description: "The job whose result this delivery carries" }),
    updated_at: z.string(),
    last_attempt: DeliveryAttempt.nullable().meta({ description: "The latest attempt; null before the first one" }),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

// PostgreSQL refuses NUL in text parameters (a 500 if it got that far).
const queryText = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\u0000]*$/, "must not contain NUL characters");

export const ListWebhookDeliveriesQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(10).meta({ description: "Page size, 1–100" }),
    starting_after: queryText(64).optional().meta({ description: "id of the last delivery of the previous page" }),
    status: DeliveryStatus.optional(),
    // The shape of lib/ids EVAL_ID_PATTERN (not imported: that module uses node:crypto).
    eval_id: z
      .string()
      .regex(/^eval_[0-9A-Za-z]{8,32}$/, "must be an eval_id such as eval_7xKp2mNc")
      .optional()
      .meta({ description: "Only this job's deliveries" }),
  })
  .strict();
export type ListWebhookDeliveriesQuery = z.output<typeof ListWebhookDeliveriesQuery>;

export const WebhookDeliveryList = z.object({ data: z.array(WebhookDelivery), has_more: z.boolean() }).meta({ id: "WebhookDeliveryList" });
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>;

// ---- POST /api/v1/webhook-deliveries/test ----------------------------------------------------

export const TestEventBody = z
  .object({
    url: z
      .string()
      .trim()
      .min(1, "Enter the URL of your receiver")
      .max(MAX_URL_LENGTH)
      .meta({ description: "The receiver to test; the same rules as a job's webhook_url (public HTTPS)", examples: ["https://your-app.com/hooks/nexio"] }),
  })
  .strict()
  .meta({ id: "TestEventBody" });
export type TestEventBody = z.infer<typeof TestEventBody>;

/** What the receiver gets: signed like every delivery, recognisable by `type` and a null eval_id. */
export const TestEvent = z
  .object({
    type: z.literal("test"),
    eval_id: z.null().meta({ description: "Always null: a test event belongs to no job" }),
    message: z.literal("Nexio test event"),
    sent_at: z.string().meta({ description: "When Nexio sent it (ISO 8601)" }),
  })
  .meta({ id: "TestEvent" });
export type TestEvent = z.infer<typeof TestEvent>;

export const TestEventResult = z
  .object({
    outcome: z.enum(["succeeded", "failed"]).meta({ description: "succeeded when the receiver answered 2xx" }),
    webhook_id: z.string().meta({ description: "The webhook-id the test event carried (not stored)" }),
    url: z.string(),
    sent_at: z.string(),
    status_code: z.number().int().nullable().meta({ description: "The receiver's HTTP status; null when no response came" }),
    latency_ms: z.number().int(),
    response_excerpt: z.string().meta({ description: "The first 1 KB of the response body" }),
    error: z.string().nullable().meta({ description: "Why the attempt failed (HTTP status, timeout, connection or TLS error, refused address)" }),
  })
  .meta({ id: "TestEventResult" });
export type TestEventResult = z.infer<typeof TestEventResult>;

// ---- signing secret (settings) ---------------------------------------------------------------

export const WebhookSecretView = z.object({
  secret: z.string(),
  rotated_at: z.string().nullable(),
  /** While set and in the future, deliveries are signed with the previous secret too. */
  previous_valid_until: z.string().nullable(),
});
export type WebhookSecretView = z.infer<typeof WebhookSecretView>;
