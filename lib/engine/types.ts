import type { z } from "zod";

export const DIMENSIONS = ["appetite", "coverage", "financial", "pricing", "placement", "service"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const LEVELS = ["L1", "L2", "L3", "L4"] as const;
export type Level = (typeof LEVELS)[number];
export const TIERS = ["STRONG_FIT", "MODERATE_FIT", "WEAK_FIT"] as const;
export type Tier = (typeof TIERS)[number];
export const CONFIDENCES = ["HIGH", "MEDIUM", "LOW"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export interface RankedCandidate {
  id: string;
  tier: Tier;
  name: string;
  confidence: Confidence;
  scores: Record<Dimension, Level>;
  reasoning: string;
  /** 0–100 weighted composite of the six levels, for sorting. */
  score: number;
  /** The path the candidate is reached by, for domains that have more than one (carriers: "admitted" | "surplus_lines"). */
  market?: string;
  /** Carriers (engine 2): indicated annual premium incl. SL tax and fee; null without a published rate. */
  premium_indication?: number | null;
  /** Carriers (engine 2), surplus-lines candidates: what the home state requires first, and the tax and fee. */
  surplus_lines?: { declinations_required: number; tax_rate: number; stamping_fee_rate: number; source: string };
}

/** An eliminated candidate close enough to every threshold it failed to be worth a look. */
export interface NearMiss {
  id: string;
  name: string;
  market?: string;
  /** Every filter it failed, each with how far off it is and what would make it pass. */
  failed: { code: string; margin: string; fix: string }[];
}

export interface EvaluationResult {
  pool_size: number;
  /** Candidates that passed every eligibility filter; always `candidates.length`. */
  filtered: number;
  candidates: RankedCandidate[];
}

/** [id, levels as six digits in DIMENSIONS order ("121112"), tier initial, confidence initial, score, market (engine 2, when the domain has markets)] */
export type ScoredEntry = [string, string, "S" | "M" | "W", "H" | "M" | "L", number, string?];

/**
 * What is stored next to a result. Kept small on purpose: the evidence for any candidate is
 * recomputed on demand with explain(), which is deterministic for the same profile, pool version,
 * rules and engine version.
 */
/**
 * The organization's own market figures for one line (issue #12): per carrier id, its plan entries
 * submitted and, of those, quoted. Loaded outside the engine (lib/markets/observed.ts) when the
 * organization's rules turn `placement.observed_quote_rate` on, passed in as an input, and stored
 * in the trace as given, so the result can be recomputed byte for byte.
 */
export interface ObservedMarket {
  line: string;
  /** Submissions counted from this instant (ISO) … */
  since: string;
  /** … up to this one (the job's as-of time). */
  until: string;
  figures: Record<string, { submissions: number; quotes: number }>;
}

export interface CompactTrace {
  engine_version: string;
  domain: string;
  as_of: string;
  rules_hash: string;
  pool_size: number;
  filtered: number;
  /** filter code → ids of the candidates it removed (first failing filter only), in filter order. */
  eliminated: Record<string, string[]>;
  /** Eligible candidates in ranked order. */
  scored: ScoredEntry[];
  /** Engine 2: eliminated candidates within the documented margins of every filter they failed. */
  near_misses?: NearMiss[];
  /** Engine 2: every failing filter beyond the first: filter code → ids of eliminated candidates that also failed it. */
  also_failed?: Record<string, string[]>;
  /** Engine 2: facts about the profile itself (e.g. an effective date in the past). */
  notes?: string[];
  /** Engine 2.1: the organization's observed market figures the evaluation used (the observed-quote-rate rule was on). */
  observed_market?: ObservedMarket;
}

export interface DimensionExplanation {
  level: Level;
  /** Which rule fired, e.g. "appetite.strength=target & revenue inside band". */
  rule: string;
  /** One human sentence citing the values. */
  evidence: string;
  values: Record<string, unknown>;
}

export interface FilterFailure {
  code: string;
  rule: string;
  values: Record<string, unknown>;
  /** The public source of a regulatory rule. */
  source?: string;
  /** Set when the failure is within the near-miss margin. */
  near_miss?: { margin: string; fix: string };
}

export type CandidateExplanation =
  | {
      eligible: false;
      /** The first failing filter (the recorded reason). */
      filter: FilterFailure;
      /** Every failing filter, in filter order (engine 2). */
      failures?: FilterFailure[];
      near_miss?: boolean;
      market?: string;
    }
  | {
      eligible: true;
      dimensions: Record<Dimension, DimensionExplanation>;
      tier: { tier: Tier; rule: string };
      confidence: { confidence: Confidence; rule: string; values: Record<string, unknown> };
      reasoning: string;
      score: number;
      market?: string;
      /** Domain-specific figures (carriers: premium indication with its arithmetic, surplus-lines requirement). */
      extras?: Record<string, unknown>;
      /** Checks the engine could not make for lack of a profile field. */
      profile_gaps?: string[];
    };

/** Tier rules shared by every domain; levels are written as numbers 1 (L1) … 4 (L4). */
export interface TierRules {
  /** Composite score needed for STRONG_FIT. */
  strong_min_score: number;
  /** Worst appetite level allowed in STRONG_FIT. */
  strong_max_appetite_level: number;
  /** Worst level allowed on any dimension in STRONG_FIT (3 = "no L4"). */
  strong_max_any_level: number;
  /** Composite score needed for MODERATE_FIT. */
  moderate_min_score: number;
  /** Worst appetite level allowed in MODERATE_FIT. */
  moderate_max_appetite_level: number;
}

export interface ConfidenceRules {
  /** Data older than this many days (vs the job's as-of time) is at most MEDIUM. */
  medium_after_days: number;
  /** Data older than this many days, or with no verification date, is LOW. */
  low_after_days: number;
  /** This many missing fields makes confidence at most MEDIUM. */
  medium_missing_fields: number;
  /** This many missing fields makes confidence LOW. */
  low_missing_fields: number;
  /** This many profile gaps (checks not made for lack of a profile field) makes confidence at most MEDIUM. */
  medium_profile_gaps?: number;
  /** This many profile gaps makes confidence LOW. */
  low_profile_gaps?: number;
}

export interface BaseRules {
  weights: Record<Dimension, number>;
  /** Points for L1, L2, L3, L4 used in the composite score. */
  level_points: [number, number, number, number];
  tier: TierRules;
  confidence: ConfidenceRules;
}

export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** Filled by a dimension scorer only when evidence is asked for (explain), so evaluate() allocates nothing. */
export interface EvidenceSink {
  rule: string;
  evidence: string;
  values: Record<string, unknown>;
}

export interface FilterDef<X, C> {
  code: string;
  /** Static description for the trace page. */
  text: string;
  /** True when the candidate must be removed. */
  fails(x: X, c: C): boolean;
  /** The rule with the thresholds in force, and the values compared — only for explain(). */
  explain(x: X, c: C): { rule: string; values: Record<string, unknown> };
  /** Public source of the rule (regulatory knock-outs). */
  source?: string;
  /** For a failing candidate: how far off, and what would make it pass, when within the near-miss margin; else null. */
  nearMiss?(x: X, c: C): { margin: string; fix: string } | null;
}

export type DimensionScorer<X, C> = (x: X, c: C, ev: EvidenceSink | null) => number;

/** The pieces a domain plugs into the generic pipeline (lib/engine/evaluate.ts). */
export interface DomainEngine<P, C, R extends BaseRules, X> {
  /** `observed`: the organization's own market figures, when the evaluation was given them. */
  prepare(profile: P, rules: R, asOfDay: number, observed?: ObservedMarket): X;
  filters: readonly FilterDef<X, C>[];
  /** Optional fast path: bit f set when filters[f] fails (same answers as calling each filter). */
  failMask?(x: X, c: C): number;
  /** One scorer per entry of DIMENSIONS, same order. Returns 1 (L1) … 4 (L4). */
  scorers: readonly DimensionScorer<X, C>[];
  /** Age in whole days of the candidate's data at as-of time; NaN when the date is unknown. */
  dataAgeDays(x: X, c: C): number;
  /** Number of missing fields that count against confidence. */
  missingCount(x: X, c: C): number;
  missingFields(x: X, c: C): string[];
  /** One sentence; `levels` holds the six levels (1–4) in DIMENSIONS order. */
  reasoning(x: X, c: C, levels: ArrayLike<number>): string;
  /** Paths a candidate can be reached by, best first (carriers: admitted, surplus_lines). */
  markets?: readonly string[];
  /** Index into `markets` for an eligible candidate. */
  market?(x: X, c: C): number;
  /** Whether candidates of the first market rank ahead of the others within a tier. */
  rankByMarket?(x: X): boolean;
  /** Figures added to a ranked candidate in the result (only for eligible ones). */
  extras?(x: X, c: C): Record<string, unknown>;
  /** Checks not made for lack of a profile field; names them when `names` is given. */
  profileGaps?(x: X, c: C, names: string[] | null): number;
  /** Facts about the profile itself, for the trace. */
  notes?(x: X): string[];
  /** The observed market figures the rules let this evaluation use (recorded in the trace), or null. */
  observedUsed?(x: X): ObservedMarket | null;
}

export interface FieldMeta {
  name: string;
  title: string;
  description: string;
  required: boolean;
  kind: "string" | "number" | "integer" | "enum" | "date";
  /** Shown only when another field has one of these values (carriers: exposure fields by line). */
  shown_when?: { field: string; values: string[] };
  /** Required only when another field has one of these values. */
  required_when?: { field: string; values: string[] };
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
  pattern?: string;
  example?: string | number;
}

export interface CandidateBase {
  id: string;
  name: string;
}

/** Any zod object schema, strict or not (the shape and config parameters are covariant). */
export type AnyZodObject = z.ZodObject<z.core.$ZodShape, z.core.$ZodObjectConfig>;

export interface LegacyRule {
  /** dotted path inside the overrides, e.g. "filters.max_zip3_gap" */
  path: string;
  /** for an array rule: an element with this key is in the old shape */
  elementKey?: string;
  /** what replaced it, for the trace ("engine 2 measures miles…") */
  note: string;
}

// The registry holds packs of different domains side by side (`DomainPack` with no arguments), and
// each pack's engine takes its own profile/candidate types as parameters, so the defaults must be
// `any` (with `unknown`, no concrete pack would be assignable to the registry's type).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface DomainPack<P = any, C extends CandidateBase = any, R extends BaseRules = any, X = any> {
  id: "carriers" | "providers";
  label: string;
  description: string;
  profileSchema: AnyZodObject;
  candidateSchema: AnyZodObject;
  defaultRules: R;
  fieldMeta: FieldMeta[];
  /** Filter codes in the order they are applied. */
  filterCodes: readonly string[];
  filterRuleText: Record<string, string>;
  /**
   * Checks that need the submission time (which the schema cannot know), e.g. an effective date in
   * the past: each problem as { path (inside the profile), code, message }.
   */
  checkAtSubmission?(profile: P, asOf: string): { path: string; code: string; message: string }[];
  /** A realistic profile for examples, docs and the dashboard's "try it" button. */
  exampleProfile: P;
  /**
   * Rules an organization saved for an earlier engine version that this one no longer has (a
   * renamed or retired key). Each is dropped before the overrides are merged, with a sentence for
   * the trace, so those organizations' evaluations run on this engine's default for it instead of
   * failing. Pure: the same overrides always give the same result.
   */
  legacyRules?: readonly LegacyRule[];
  engine: DomainEngine<P, C, R, X>;
}
