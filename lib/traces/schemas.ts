import { z } from "zod";
import { CONFIDENCES, LEVELS, TIERS } from "@/lib/engine/types";
import { JobStatus } from "@/lib/jobs/schemas";

// The audit trace as JSON (GET /api/traces/{eval_id}, lib/traces/trace.ts getTrace()): published
// in the OpenAPI document as `Trace`, and the trace page's types (components/trace) are inferred
// from it. Imports nothing but zod and the engine's constant lists.

export const TraceValues = z.record(z.string(), z.unknown()).meta({ description: "The values a rule looked at" });

export const DimensionEvidence = z.object({
  level: z.enum(LEVELS),
  rule: z.string().meta({ description: "Which rule fired" }),
  evidence: z.string().meta({ description: "One sentence citing the values" }),
  values: TraceValues.optional(),
});

export const TraceScoredCandidate = z.object({
  rank: z.number().int(),
  id: z.string(),
  name: z.string(),
  tier: z.enum(TIERS),
  confidence: z.enum(CONFIDENCES),
  score: z.number(),
  scores: z.record(z.string(), z.enum(LEVELS)),
  evidence: z
    .record(z.string(), DimensionEvidence)
    .optional()
    .meta({ description: "Per dimension; absent when the pool version or rules are no longer available" }),
  tier_rule: z.string().optional(),
  confidence_rule: z.string().optional(),
  confidence_values: TraceValues.optional(),
  reasoning: z.string().optional(),
  market: z.string().optional().meta({ description: "Engine 2, carriers: admitted or surplus_lines" }),
  extras: TraceValues.optional().meta({
    description: "Engine 2: domain figures such as the premium indication (with its arithmetic) and the surplus-lines requirement",
  }),
});

const NearMissMargin = z.object({ margin: z.string(), fix: z.string() });

export const TraceNearMiss = z.object({
  id: z.string(),
  name: z.string(),
  market: z.string().optional(),
  failed: z.array(NearMissMargin.extend({ code: z.string() })),
});

export const EliminatedCandidate = z.object({
  id: z.string(),
  name: z.string(),
  values: TraceValues.optional(),
  near_miss: NearMissMargin.optional().meta({ description: "Engine 2: within the near-miss margin of this filter" }),
  also_failed: z
    .array(z.object({ code: z.string(), rule: z.string(), values: TraceValues.optional(), near_miss: NearMissMargin.optional() }))
    .optional()
    .meta({ description: "Engine 2: every other filter it fails" }),
});

export const EliminatedGroup = z.object({
  code: z.string(),
  rule: z.string(),
  source: z.string().optional().meta({ description: "Public source of a regulatory rule" }),
  count: z.number().int(),
  candidates: z.array(EliminatedCandidate),
});

export const TraceJson = z
  .object({
    eval_id: z.string(),
    status: JobStatus,
    pool: z.string(),
    pool_version: z.number().int(),
    domain: z.string(),
    profile: z.record(z.string(), z.unknown()),
    created_at: z.string(),
    started_at: z.string().nullable(),
    completed_at: z.string().nullable(),
    attempts: z.number().int().optional(),
    error: z.object({ code: z.string().nullable(), message: z.string().nullable() }).optional(),
    engine_version: z.string().nullable(),
    as_of: z.string().optional(),
    rules_hash: z.string().optional(),
    rules_version: z.number().int().optional().meta({ description: "The organization's scoring rule-set version used; 0 = the defaults" }),
    timings: z.unknown(),
    pool_size: z.number().int().optional(),
    filtered: z.number().int().optional(),
    rules: z.object({ tier: z.unknown(), confidence: z.unknown(), weights: z.unknown() }).optional(),
    eliminated: z.array(EliminatedGroup),
    scored: z.array(TraceScoredCandidate),
    near_misses: z
      .array(TraceNearMiss)
      .optional()
      .meta({ description: "Engine 2: eliminated candidates within the documented margin of every filter they failed" }),
    notes: z.array(z.string()).optional().meta({ description: "Engine 2: facts about the profile (a monopolistic state, an effective date in the past)" }),
    scored_total: z.number().int().optional().meta({ description: "JSON only: every scored candidate; `scored` holds the page from `scored_offset`" }),
    scored_offset: z.number().int().optional(),
    next_offset: z.number().int().nullable().optional().meta({ description: "The `offset` of the next page, or null after the last" }),
    observed_market: z
      .object({
        line: z.string(),
        since: z.string(),
        until: z.string(),
        figures: z.record(z.string(), z.object({ submissions: z.number().int(), quotes: z.number().int() })),
      })
      .optional()
      .meta({
        description:
          "Engine 2.1: the organization's own submissions and quotes per carrier for the profile's line that the observed-quote-rate rule used (present only when the rule was on); the evidence is recomputed with them",
      }),
  })
  .meta({ description: "The audit trace of one evaluation: why each candidate was eliminated or scored as it was" });

export type TraceJson = z.infer<typeof TraceJson>;
