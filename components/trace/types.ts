import type { z } from "zod";
import type {
  DimensionEvidence as DimensionEvidenceSchema,
  EliminatedCandidate as EliminatedCandidateSchema,
  EliminatedGroup as EliminatedGroupSchema,
  TraceJson,
  TraceNearMiss,
  TraceScoredCandidate,
  TraceValues,
} from "@/lib/traces/schemas";

// The audit trace as the page receives it: inferred from the published schema (lib/traces/schemas.ts,
// `Trace` in the OpenAPI document), which getTrace() is checked against.

export type Values = z.infer<typeof TraceValues>;
export type DimensionEvidence = z.infer<typeof DimensionEvidenceSchema>;
export type ScoredCandidate = z.infer<typeof TraceScoredCandidate>;
export type EliminatedCandidate = z.infer<typeof EliminatedCandidateSchema>;
export type EliminatedGroup = z.infer<typeof EliminatedGroupSchema>;
export type TraceData = TraceJson;
export type NearMiss = z.infer<typeof TraceNearMiss>;
export type { Level, Tier, Confidence } from "@/lib/engine/types";
