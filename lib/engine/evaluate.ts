/**
 * The pipeline: filters → six levels → score → tier → confidence → reasoning → rank. Pure: the
 * only notion of time is ctx.asOf (the job's creation time), so re-running a trace's inputs
 * gives byte-identical output.
 */
import { asOfDayNumber } from "./dates";
import { mergeRules, rulesHash } from "./rules";
import { getDomain } from "./registry";
import { compositeScore, confidenceIndex, confidenceRule, tierIndex, tierRule } from "./tiering";
import {
  CONFIDENCES,
  DIMENSIONS,
  LEVELS,
  TIERS,
  type BaseRules,
  type CandidateBase,
  type CandidateExplanation,
  type CompactTrace,
  type Dimension,
  type DimensionExplanation,
  type DomainPack,
  type EvaluationResult,
  type EvidenceSink,
  type RankedCandidate,
  type ScoredEntry,
} from "./types";
import type { RuleOverrides } from "./registry";
import { ENGINE_VERSION } from "./version";

export interface EvaluationContext {
  /** ISO timestamp: the job's creation time. Never the wall clock. */
  asOf: string;
  /** Deep-partial per-organization overrides of the domain's defaultRules. */
  rules?: RuleOverrides;
}

export class UnknownDomainError extends Error {
  constructor(readonly domainId: string) {
    super(`Unknown domain ${JSON.stringify(domainId)}`);
    this.name = "UnknownDomainError";
  }
}

const TIER_INITIAL = ["S", "M", "W"] as const;
const CONFIDENCE_INITIAL = ["H", "M", "L"] as const;

interface Prepared {
  pack: DomainPack;
  rules: BaseRules;
  x: unknown;
  asOfDay: number;
}

function prepare(domainId: string, profile: unknown, ctx: EvaluationContext): Prepared {
  const pack = getDomain(domainId);
  if (!pack) throw new UnknownDomainError(domainId);
  const asOfDay = asOfDayNumber(ctx.asOf);
  const rules = mergeRules(pack.defaultRules as BaseRules, ctx.rules);
  return { pack, rules, x: pack.engine.prepare(profile, rules, asOfDay), asOfDay };
}

/** The merged rules an evaluation with these overrides uses (for the trace page). */
export function resolveRules(domainId: string, overrides?: RuleOverrides): BaseRules {
  const pack = getDomain(domainId);
  if (!pack) throw new UnknownDomainError(domainId);
  return mergeRules(pack.defaultRules as BaseRules, overrides);
}

interface Row {
  c: CandidateBase;
  levels: string;
  l0: number;
  l1: number;
  l2: number;
  l3: number;
  l4: number;
  l5: number;
  score: number;
  tier: number;
  conf: number;
}

function byRank(a: Row, b: Row): number {
  return (
    a.tier - b.tier ||
    b.score - a.score ||
    (a.c.name < b.c.name ? -1 : a.c.name > b.c.name ? 1 : 0) ||
    (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0)
  );
}

export function evaluate(
  domainId: string,
  profile: unknown,
  candidates: readonly CandidateBase[],
  ctx: EvaluationContext,
): { result: EvaluationResult; trace: CompactTrace } {
  const { pack, rules, x } = prepare(domainId, profile, ctx);
  const { filters, scorers } = pack.engine;
  const eng = pack.engine;
  const eliminatedBy: string[][] = filters.map(() => []);
  const rows: Row[] = [];
  const lv = new Uint8Array(6);

  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    let failed = -1;
    for (let f = 0; f < filters.length; f++) {
      if (filters[f].fails(x, c)) {
        failed = f;
        break;
      }
    }
    if (failed >= 0) {
      eliminatedBy[failed].push(c.id);
      continue;
    }
    for (let d = 0; d < 6; d++) lv[d] = scorers[d](x, c, null);
    const score = compositeScore(lv, rules);
    rows.push({
      c,
      levels: String.fromCharCode(48 + lv[0], 48 + lv[1], 48 + lv[2], 48 + lv[3], 48 + lv[4], 48 + lv[5]),
      l0: lv[0], l1: lv[1], l2: lv[2], l3: lv[3], l4: lv[4], l5: lv[5],
      score,
      tier: tierIndex(lv, score, rules.tier),
      conf: confidenceIndex(eng.dataAgeDays(x, c), eng.missingCount(x, c), rules.confidence),
    });
  }
  rows.sort(byRank);

  const ranked: RankedCandidate[] = new Array(rows.length);
  const scored: ScoredEntry[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    lv[0] = r.l0; lv[1] = r.l1; lv[2] = r.l2; lv[3] = r.l3; lv[4] = r.l4; lv[5] = r.l5;
    ranked[i] = {
      id: r.c.id,
      tier: TIERS[r.tier],
      name: r.c.name,
      confidence: CONFIDENCES[r.conf],
      scores: {
        appetite: LEVELS[r.l0 - 1],
        coverage: LEVELS[r.l1 - 1],
        financial: LEVELS[r.l2 - 1],
        pricing: LEVELS[r.l3 - 1],
        placement: LEVELS[r.l4 - 1],
        service: LEVELS[r.l5 - 1],
      },
      reasoning: eng.reasoning(x, r.c, lv),
      score: r.score,
    };
    scored[i] = [r.c.id, r.levels, TIER_INITIAL[r.tier], CONFIDENCE_INITIAL[r.conf], r.score];
  }

  const eliminated: Record<string, string[]> = {};
  for (let f = 0; f < filters.length; f++) if (eliminatedBy[f].length > 0) eliminated[filters[f].code] = eliminatedBy[f];

  return {
    result: { pool_size: candidates.length, filtered: ranked.length, candidates: ranked },
    trace: {
      engine_version: ENGINE_VERSION,
      domain: pack.id,
      as_of: ctx.asOf,
      rules_hash: rulesHash(rules),
      pool_size: candidates.length,
      filtered: ranked.length,
      eliminated,
      scored,
    },
  };
}

/** Full evidence for one candidate, recomputed with the same functions evaluate() uses. */
export function explain(domainId: string, profile: unknown, candidate: CandidateBase, ctx: EvaluationContext): CandidateExplanation {
  const { pack, rules, x } = prepare(domainId, profile, ctx);
  const eng = pack.engine;
  for (const f of eng.filters) {
    if (f.fails(x, candidate)) return { eligible: false, filter: { code: f.code, ...f.explain(x, candidate) } };
  }
  const lv = new Uint8Array(6);
  const dimensions = {} as Record<Dimension, DimensionExplanation>;
  for (let d = 0; d < 6; d++) {
    const ev: EvidenceSink = { rule: "", evidence: "", values: {} };
    lv[d] = eng.scorers[d](x, candidate, ev);
    dimensions[DIMENSIONS[d]] = { level: LEVELS[lv[d] - 1], rule: ev.rule, evidence: ev.evidence, values: ev.values };
  }
  const score = compositeScore(lv, rules);
  const age = eng.dataAgeDays(x, candidate);
  const missingFields = eng.missingFields(x, candidate);
  const conf = confidenceIndex(age, missingFields.length, rules.confidence);
  return {
    eligible: true,
    dimensions,
    tier: { tier: TIERS[tierIndex(lv, score, rules.tier)], rule: tierRule(lv, score, rules.tier) },
    confidence: {
      confidence: CONFIDENCES[conf],
      rule: confidenceRule(age, missingFields.length, rules.confidence),
      values: { age_days: Number.isNaN(age) ? null : age, missing_fields: missingFields },
    },
    reasoning: eng.reasoning(x, candidate, lv),
    score,
  };
}
