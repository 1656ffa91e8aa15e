import { z } from "zod";
import { DeclineReasonSchema, DiligentSearchView, PlanStatusSchema } from "@/lib/plan/schemas";

// The marketing summary for the client (issue #12 item 3): the shape GET …/plan/summary answers
// and the printable pages render. Imports nothing but zod and the plan's schemas.

const Market = z.enum(["admitted", "surplus_lines"]).nullable();
const Tier = z.enum(["STRONG_FIT", "MODERATE_FIT", "WEAK_FIT"]).nullable();
const Confidence = z.enum(["HIGH", "MEDIUM", "LOW"]).nullable();

/** What the pool version the evaluation ran on says about the carrier's financial strength. */
export const CarrierStrength = z.object({
  am_best_rating: z.string().nullable(),
  am_best_outlook: z.string().nullable(),
  financial_size: z.string().nullable().meta({ description: "AM Best financial size category (I … XV)" }),
});

export const SummaryMarket = z.object({
  carrier_id: z.string(),
  carrier_name: z.string(),
  market: Market,
  status: PlanStatusSchema,
  submitted_at: z.string().nullable(),
  outcome_at: z.string().nullable().meta({ description: "When the latest answer was recorded; null while waiting" }),
  decline_reason: DeclineReasonSchema.nullable(),
  decline_text: z.string().nullable(),
  tier: Tier,
  confidence: Confidence,
});
export type SummaryMarket = z.infer<typeof SummaryMarket>;

export const SummaryQuote = CarrierStrength.extend({
  carrier_id: z.string(),
  carrier_name: z.string(),
  market: Market,
  status: z.enum(["quoted", "bound"]),
  premium: z.number(),
  limit: z.number().nullable(),
  retention: z.number().nullable(),
  expiry: z.string().nullable().meta({ description: "The quote's expiry date, YYYY-MM-DD" }),
  quoted_at: z.string(),
  tier: Tier,
  confidence: Confidence,
  recommended: z.boolean(),
});
export type SummaryQuote = z.infer<typeof SummaryQuote>;

export const SummaryRecommendation = z.object({
  carrier_id: z.string(),
  carrier_name: z.string(),
  source: z.enum(["broker", "bound", "best_tier"]).meta({
    description: "broker: marked recommended in the plan; bound: the bound quote; best_tier: by default the quoted market of the best fit tier (then rank)",
  }),
  tier: Tier,
  confidence: Confidence,
  rank: z.number().int().nullable().meta({ description: "Its place in the evaluation's ranking (1 = first)" }),
  reasoning: z.string().nullable().meta({ description: "The engine's one-sentence reason for the carrier's fit" }),
});
export type SummaryRecommendation = z.infer<typeof SummaryRecommendation>;

export const MarketingSummaryView = z
  .object({
    eval_id: z.string(),
    profile: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .meta({ description: "The client's profile in brief (entity, state, line, exposure, limits…)" }),
    evaluated_at: z.string().nullable(),
    markets: z.array(SummaryMarket).meta({ description: "Markets approached (a submission recorded), in plan order" }),
    quotes: z.array(SummaryQuote).meta({ description: "Quoted and bound markets side by side, lowest premium first" }),
    recommendation: SummaryRecommendation.nullable(),
    diligent_search: DiligentSearchView.nullable(),
  })
  .meta({ id: "MarketingSummary" });
export type MarketingSummaryView = z.infer<typeof MarketingSummaryView>;
