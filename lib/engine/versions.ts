/**
 * Which engine explains a stored trace. A result keeps the evidence of the engine that produced
 * it: traces recorded by engine 1 are recomputed with the frozen copy in ./v1 (its filters,
 * scorers, reasoning and rules), everything newer with the current engine.
 */
import * as current from "./evaluate";
import { getDomain as currentDomain } from "./registry";
import { ENGINE_VERSION } from "./version";
import * as v1 from "./v1";
import type { BaseRules, CandidateExplanation, DomainPack } from "./types";
import type { EvaluationContext } from "./evaluate";
import type { CandidateBase } from "./types";

export interface TraceEngine {
  version: string;
  getDomain(id: string): DomainPack | undefined;
  explain(domainId: string, profile: unknown, candidate: CandidateBase, ctx: EvaluationContext): CandidateExplanation;
  resolveRules(domainId: string, overrides?: EvaluationContext["rules"]): BaseRules;
}

const ENGINE_2: TraceEngine = { version: ENGINE_VERSION, getDomain: currentDomain, explain: current.explain, resolveRules: current.resolveRules };
const ENGINE_1: TraceEngine = {
  version: v1.ENGINE_VERSION,
  getDomain: v1.getDomain as (id: string) => DomainPack | undefined,
  explain: v1.explain as TraceEngine["explain"],
  resolveRules: v1.resolveRules as TraceEngine["resolveRules"],
};

/** The engine that recorded `engineVersion` ("1.0.0" → the frozen engine 1). */
export function engineForTrace(engineVersion: string | null | undefined): TraceEngine {
  return engineVersion?.startsWith("1.") ? ENGINE_1 : ENGINE_2;
}
