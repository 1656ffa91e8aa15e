import { z } from "zod";

// The contracts of GET /api/v1/jobs/{a}/compare/{b}, GET /api/v1/pools/{id}/versions and
// GET /api/v1/pools/{id}/versions/{from}/diff/{to}: the routes answer them, tests check responses
// against them, the OpenAPI document publishes them and the dashboard takes its types from them.
// Imports nothing but zod, so the dashboard's bundle stays free of the engine.

const Level = z.string().meta({ description: "L1 (best) … L4" });

export const SideState = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("eligible"),
    rank: z.number().int().meta({ description: "1 = best" }),
    tier: z.string(),
    confidence: z.string().nullable(),
    score: z.number().nullable(),
    scores: z.record(z.string(), Level),
  }),
  z.object({ status: z.literal("filtered"), filter: z.string().meta({ description: "code of the eligibility filter that removed it" }) }),
  z.object({ status: z.literal("absent").meta({ description: "not in that evaluation's pool version" }) }),
]);

const Evidence = z.object({ rule: z.string(), evidence: z.string() }).nullable();
const FilterInfo = z
  .object({ code: z.string(), rule: z.string(), applied: z.string().optional(), values: z.record(z.string(), z.unknown()).optional() })
  .nullable();

export const CHANGE_KINDS = [
  "entered",
  "left",
  "entered_top_tier",
  "left_top_tier",
  "tier",
  "levels",
  "confidence",
  "rank",
  "added_to_pool",
  "removed_from_pool",
] as const;

export const CandidateChange = z.object({
  id: z.string(),
  name: z.string(),
  kinds: z.array(z.enum(CHANGE_KINDS)),
  material: z.boolean().meta({ description: "eligibility changed, or it entered or left the top tier" }),
  a: SideState,
  b: SideState,
  tier: z.object({ a: z.string(), b: z.string() }).optional(),
  levels: z
    .array(z.object({ dimension: z.string(), a: Level.nullable(), b: Level.nullable(), evidence: z.object({ a: Evidence, b: Evidence }).optional() }))
    .optional(),
  rank: z.object({ a: z.number().int(), b: z.number().int(), moved: z.number().int().meta({ description: "positive: moved up" }) }).optional(),
  filter: z.object({ a: FilterInfo, b: FilterInfo }).optional().meta({ description: "the filter that removed it on each side, with the values compared" }),
});

const CompareSideInfo = z.object({
  eval_id: z.string(),
  entity: z.string(),
  created_at: z.string(),
  pool: z.string(),
  pool_version: z.number().int(),
  rules_version: z.number().int(),
  engine_version: z.string(),
});

export const CompareSummary = z.object({
  entered: z.number().int(),
  left: z.number().int(),
  entered_top_tier: z.number().int(),
  left_top_tier: z.number().int(),
  tier_up: z.number().int(),
  tier_down: z.number().int(),
  levels_changed: z.number().int(),
  moved_up: z.number().int(),
  moved_down: z.number().int(),
  added_to_pool: z.number().int(),
  removed_from_pool: z.number().int(),
  unchanged: z.number().int(),
  material: z.boolean(),
  sentences: z.array(z.string()),
});

export const CompareResponse = z
  .object({
    a: CompareSideInfo.meta({ description: "the evaluation compared from (before)" }),
    b: CompareSideInfo.meta({ description: "the evaluation compared to (after)" }),
    domain: z.string(),
    inputs: z.array(z.object({ field: z.string().meta({ examples: ["profile.revenue", "pool_version", "rules_version"] }), a: z.unknown(), b: z.unknown() })),
    summary: CompareSummary,
    candidates: z.array(CandidateChange).meta({ description: "only the candidates that changed, material changes first" }),
    url: z.string().meta({ description: "the dashboard's view of this comparison" }),
  })
  .meta({ id: "Comparison" });
export type CompareResponse = z.infer<typeof CompareResponse>;

export const PoolVersionSummary = z.object({
  version: z.number().int(),
  size: z.number().int(),
  source: z.string().meta({ description: "demo, import:csv or import:json" }),
  checksum: z.string(),
  created_at: z.string(),
  current: z.boolean(),
});
export const ListPoolVersionsResponse = z
  .object({ pool: z.string(), domain: z.string(), data: z.array(PoolVersionSummary).meta({ description: "newest first" }) })
  .meta({ id: "PoolVersionList" });

const FieldChange = z.object({
  path: z.string().meta({ examples: ["lines.general_liability.appetite"] }),
  a: z.unknown(),
  b: z.unknown(),
  added: z.array(z.unknown()).optional(),
  removed: z.array(z.unknown()).optional(),
});
const Named = z.object({ id: z.string(), name: z.string() });
export const PoolDiffResponse = z
  .object({
    pool: z.string(),
    domain: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    added: z.array(Named),
    removed: z.array(Named),
    changed: z.array(z.object({ id: z.string(), name: z.string(), changes: z.array(FieldChange) })),
    unchanged: z.number().int(),
    summary: z.array(z.string()).meta({ description: 'the changes in words, e.g. "14 carriers no longer write CA general liability"' }),
  })
  .meta({ id: "PoolDiff" });
export type PoolDiffResponse = z.infer<typeof PoolDiffResponse>;
export type ListPoolVersionsResponse = z.infer<typeof ListPoolVersionsResponse>;
