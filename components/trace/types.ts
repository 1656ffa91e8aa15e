// The audit trace as the page receives it: the JSON shape of lib/traces/trace.ts getTrace(),
// written out structurally so client components do not import server modules.

export type Level = "L1" | "L2" | "L3" | "L4";
export type Tier = "STRONG_FIT" | "MODERATE_FIT" | "WEAK_FIT";
export type Confidence = "HIGH" | "MEDIUM" | "LOW";
export type Values = Record<string, unknown>;

export interface DimensionEvidence {
  level: Level;
  rule: string;
  evidence: string;
  values?: Values;
}

export interface ScoredCandidate {
  rank: number;
  id: string;
  name: string;
  tier: Tier;
  confidence: Confidence;
  score: number;
  scores: Record<string, Level>;
  evidence?: Record<string, DimensionEvidence>;
  tier_rule?: string;
  confidence_rule?: string;
  confidence_values?: Values;
  reasoning?: string;
}

export interface EliminatedCandidate {
  id: string;
  name: string;
  values?: Values;
}

export interface EliminatedGroup {
  code: string;
  rule: string;
  count: number;
  candidates: EliminatedCandidate[];
}

export interface TraceData {
  eval_id: string;
  status: "queued" | "running" | "completed" | "failed";
  pool: string;
  pool_version: number;
  domain: string;
  profile: Record<string, unknown>;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  attempts?: number;
  error?: { code: string | null; message: string | null };
  engine_version: string | null;
  as_of?: string;
  rules_hash?: string;
  /** The organization's scoring rule-set version used; 0 = the defaults. */
  rules_version?: number;
  timings: unknown;
  pool_size?: number;
  filtered?: number;
  rules?: { tier: unknown; confidence: unknown; weights: unknown };
  eliminated: EliminatedGroup[];
  scored: ScoredCandidate[];
}
