/* eslint-disable @typescript-eslint/no-explicit-any -- frozen copy of engine 1.0.0 (lib/engine/v1/index.ts): kept byte-for-byte in behaviour */
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
}

export interface EvaluationResult {
  pool_size: number;
  /** Candidates that passed every eligibility filter; always `candidates.length`. */
  filtered: number;
  candidates: RankedCandidate[];
}

/** [id, levels as six digits in DIMENSIONS order ("121112"), tier initial, confidence initial, score] */
export type ScoredEntry = [string, string, "S" | "M" | "W", "H" | "M" | "L", number];

/**
 * What is stored next to a result. Kept small on purpose: the evidence for any candidate is
 * recomputed on demand with explain(), which is deterministic for the same profile, pool version,
 * rules and engine version.
 */
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
}

export interface DimensionExplanation {
  level: Level;
  /** Which rule fired, e.g. "appetite.strength=target & revenue inside band". */
  rule: string;
  /** One human sentence citing the values. */
  evidence: string;
  values: Record<string, unknown>;
}

export type CandidateExplanation =
  | {
      eligible: false;
      filter: { code: string; rule: string; values: Record<string, unknown> };
    }
  | {
      eligible: true;
      dimensions: Record<Dimension, DimensionExplanation>;
      tier: { tier: Tier; rule: string };
      confidence: { confidence: Confidence; rule: string; values: Record<string, unknown> };
      reasoning: string;
      score: number;
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
}

export type DimensionScorer<X, C> = (x: X, c: C, ev: EvidenceSink | null) => number;

/** The pieces a domain plugs into the generic pipeline (lib/engine/evaluate.ts). */
export interface DomainEngine<P, C, R extends BaseRules, X> {
  prepare(profile: P, rules: R, asOfDay: number): X;
  filters: readonly FilterDef<X, C>[];
  /** One scorer per entry of DIMENSIONS, same order. Returns 1 (L1) … 4 (L4). */
  scorers: readonly DimensionScorer<X, C>[];
  /** Age in whole days of the candidate's data at as-of time; NaN when the date is unknown. */
  dataAgeDays(x: X, c: C): number;
  /** Number of missing fields that count against confidence. */
  missingCount(x: X, c: C): number;
  missingFields(x: X, c: C): string[];
  /** One sentence; `levels` holds the six levels (1–4) in DIMENSIONS order. */
  reasoning(x: X, c: C, levels: ArrayLike<number>): string;
}

export interface FieldMeta {
  name: string;
  title: string;
  description: string;
  required: boolean;
  kind: "string" | "number" | "integer" | "enum" | "date";
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

export interface DomainPack<P = any, C extends CandidateBase = any, R extends BaseRules = any, X = any> {
  id: "carriers" | "providers";
  label: string;
  description: string;
  profileSchema: z.ZodObject<any>;
  candidateSchema: z.ZodObject<any>;
  defaultRules: R;
  fieldMeta: FieldMeta[];
  /** Filter codes in the order they are applied. */
  filterCodes: readonly string[];
  filterRuleText: Record<string, string>;
  /** A realistic profile for examples, docs and the dashboard's "try it" button. */
  exampleProfile: P;
  engine: DomainEngine<P, C, R, X>;
}
