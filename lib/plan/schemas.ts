import { z } from "zod";
import { DECLINE_REASONS, PLAN_STATUSES, SL_EXEMPTIONS } from "@/lib/plan/machine";

// The market plan's API shapes: the handlers parse with these, the OpenAPI document lists them and
// the Plan tab takes its types from them. Imports nothing but zod and the pure machine.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const day = () => z.string().regex(DATE, "must be a date YYYY-MM-DD");
const amount = () => z.number().finite().nonnegative().max(1e12);

export const PlanStatusSchema = z.enum(PLAN_STATUSES).meta({ description: "planned → submitted → quoted | declined | no_response → bound, or withdrawn" });
export const DeclineReasonSchema = z.enum(DECLINE_REASONS);
export const SlExemptionSchema = z.enum(SL_EXEMPTIONS).meta({
  description:
    "Binds a surplus-lines carrier without the diligent search: exempt_commercial_purchaser (NRRA, 15 U.S.C. § 8206) or export_list (the home state's list of hard-to-place risks)",
});

export const CARRIER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

export const PlanEntryInput = z
  .object({
    carrier_id: z.string().regex(CARRIER_ID_PATTERN).meta({ description: "A candidate id from the job's result" }),
    responsible: z.string().trim().min(1).max(200).nullable().optional().meta({ description: "Who approaches this market" }),
    target_date: day().nullable().optional().meta({ description: "When the submission should go out" }),
  })
  .strict();

export const PutPlanBody = z
  .object({
    entries: z
      .array(PlanEntryInput)
      .max(100)
      .refine((a) => new Set(a.map((e) => e.carrier_id)).size === a.length, "each carrier_id at most once")
      .meta({ description: "The whole plan in order; a carrier already in the plan must stay listed (withdraw it with an event instead)" }),
    recommended: z
      .string()
      .regex(CARRIER_ID_PATTERN)
      .nullable()
      .optional()
      .meta({ description: "The carrier the broker recommends to the client (quoted or bound); null clears the mark; absent leaves it as it is" }),
  })
  .strict();
export type PutPlanBody = z.infer<typeof PutPlanBody>;

const note = () => z.string().trim().max(2000).optional();
/** `sl_exemption` belongs to a bind only: any other status change that carries it is a 400 naming the field. */
const noExemption = () =>
  z
    .never({ error: "only for binding a surplus-lines carrier (status bound)" })
    .optional()
    .meta({ description: "Not allowed: sl_exemption is only for status bound" });

export const PlanEventBody = z
  .discriminatedUnion("status", [
    z
      .object({
        status: z.literal("quoted"),
        premium: amount().meta({ description: "Quoted premium" }),
        limit: amount().optional(),
        retention: amount().optional(),
        expiry: day().optional().meta({ description: "The quote's expiry date" }),
        note: note(),
        sl_exemption: noExemption(),
      })
      .strict(),
    z
      .object({
        status: z.literal("declined"),
        reason: DeclineReasonSchema,
        reason_text: z.string().trim().max(2000).optional(),
        note: note(),
        sl_exemption: noExemption(),
      })
      .strict(),
    z
      .object({
        status: z.literal("bound"),
        note: note(),
        sl_exemption: SlExemptionSchema.optional().meta({
          description:
            "A surplus-lines carrier whose diligent search is not met is bound only with an exemption, recorded on the event; not allowed for an admitted carrier",
        }),
      })
      .strict(),
    z.object({ status: z.enum(["submitted", "no_response", "withdrawn"]), note: note(), sl_exemption: noExemption() }).strict(),
  ])
  .meta({
    description:
      "A status change; a quote carries premium (limit, retention, expiry), a declination a reason code, the bind of a surplus-lines carrier without a met diligent search an sl_exemption",
  });
export type PlanEventBody = z.infer<typeof PlanEventBody>;

const ChangeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const PlanEventView = z.object({
  id: z.string(),
  kind: z.enum(["added", "status", "updated"]),
  actor: z.string().meta({ description: "user:<email> or key:<API key prefix>" }),
  at: z.string(),
  from: PlanStatusSchema.nullable(),
  to: PlanStatusSchema,
  quote: z.object({ premium: z.number(), limit: z.number().nullable(), retention: z.number().nullable(), expiry: z.string().nullable() }).nullable(),
  declination: z.object({ reason: DeclineReasonSchema, text: z.string().nullable() }).nullable(),
  note: z.string().nullable(),
  sl_exemption: SlExemptionSchema.nullable().meta({ description: "The exemption a surplus-lines bind relied on instead of the diligent search" }),
  changes: z
    .record(z.string(), z.tuple([ChangeValue, ChangeValue]))
    .nullable()
    .meta({ description: 'kind "updated": field → [before, after] (order, responsible, target_date, recommended)' }),
});
export type PlanEventView = z.infer<typeof PlanEventView>;

export const DiligentSearchView = z.object({
  state: z.string(),
  required: z.number().int(),
  recorded: z.number().int(),
  cleared: z.boolean(),
  exemptions: z
    .array(
      z.object({
        carrier_id: z.string(),
        carrier_name: z.string(),
        exemption: SlExemptionSchema,
        at: z.string().meta({ description: "When the bind was recorded" }),
        actor: z.string(),
      }),
    )
    .meta({ description: "Surplus-lines carriers bound under an exemption instead of the diligent search, in plan order" }),
});
export type DiligentSearchView = z.infer<typeof DiligentSearchView>;

export const PlanEntryView = z.object({
  carrier_id: z.string(),
  carrier_name: z.string(),
  market: z.enum(["admitted", "surplus_lines"]).nullable(),
  order: z.number().int(),
  responsible: z.string().nullable(),
  target_date: z.string().nullable(),
  status: PlanStatusSchema,
  allowed_next: z.array(PlanStatusSchema),
  sl_cleared: z
    .boolean()
    .nullable()
    .meta({ description: "For a surplus-lines carrier: the diligent search is met (binding it otherwise needs an sl_exemption); null for admitted" }),
  recommended: z.boolean().meta({ description: "The broker marked this carrier as the recommended market (marketing summary)" }),
  updated_at: z.string(),
  events: z.array(PlanEventView),
});
export type PlanEntryView = z.infer<typeof PlanEntryView>;

export const PlanView = z
  .object({
    eval_id: z.string(),
    entries: z.array(PlanEntryView),
    diligent_search: DiligentSearchView.nullable().meta({ description: "Present when the plan has a surplus-lines carrier" }),
  })
  .meta({ id: "Plan" });
export type PlanView = z.infer<typeof PlanView>;

/** The webhook body of a plan change (type "plan.updated"), signed like job webhooks. */
export const PlanWebhookEvent = z
  .object({
    type: z.literal("plan.updated"),
    eval_id: z.string(),
    carrier_id: z.string(),
    status: PlanStatusSchema,
    event: PlanEventView,
  })
  .meta({ id: "PlanWebhookEvent" });
export type PlanWebhookEvent = z.infer<typeof PlanWebhookEvent>;
