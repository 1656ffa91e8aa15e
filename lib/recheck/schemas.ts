import { z } from "zod";

// GET/PUT /api/v1/recheck-settings: how far back a re-check reaches. Imports nothing but zod.

export const RecheckSettings = z
  .object({
    days: z.number().int().min(0).max(365).meta({
      description:
        "Evaluations of the last this many days are re-checked when a pool gets a new version or new scoring rules are saved; 0 turns re-checks off for the organization",
    }),
  })
  .strict()
  .meta({ id: "RecheckSettings" });
export type RecheckSettings = z.infer<typeof RecheckSettings>;

/** The body of the "evaluation.changed" webhook event (lib/recheck/event.ts builds it). */
export const EvaluationChangedEvent = z
  .object({
    type: z.literal("evaluation.changed"),
    eval_id: z.string().meta({ description: "The new evaluation (the re-check)" }),
    original_eval_id: z.string().meta({ description: "The evaluation re-checked; it never changes" }),
    previous_eval_id: z.string().meta({ description: "What the new result was compared with: the original, or its previous re-check" }),
    trigger: z.enum(["pool_version", "scoring_rules"]),
    pool_version: z.number().int().nullable(),
    rules_version: z.number().int().nullable(),
    compare_url: z.string().meta({ description: "The difference in the dashboard" }),
    api_compare_url: z.string().meta({ description: "The difference from the API (GET /api/v1/jobs/{eval_id}/compare/{other_id})" }),
    summary: z.object({
      sentences: z.array(z.string()),
      entered: z.number().int(),
      left: z.number().int(),
      entered_top_tier: z.number().int(),
      left_top_tier: z.number().int(),
      material: z
        .array(z.object({ id: z.string(), name: z.string(), kinds: z.array(z.string()) }))
        .meta({ description: "The candidates that changed materially (at most 50)" }),
    }),
  })
  .meta({ id: "EvaluationChanged" });
