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

function levelString(lv: ArrayLike<number>, o: number): string {
  return String.fromCharCode(48 + lv[o], 48 + lv[o + 1], 48 + lv[o + 2], 48 + lv[o + 3], 48 + lv[o + 4], 48 + lv[o + 5]);
}

/**
 * Per-candidate work writes into typed arrays sized once per call, so scanning a pool allocates
 * nothing per candidate: with large pools in the heap, garbage collection (not the rules) is what
 * would otherwise grow faster than the pool.
 */
export function evaluate(
  domainId: string,
  profile: unknown,
  candidates: readonly CandidateBase[],
  ctx: EvaluationContext,
): { result: EvaluationResult; trace: CompactTrace } {
  const { pack, rules, x } = prepare(domainId, profile, ctx);
  const eng = pack.engine;
  const { filters, scorers } = eng;
  const n = candidates.length;

  // 1. Filters: failedAt[i] = index of the first failing filter + 1, or 0 when eligible.
  const failedAt = new Uint8Array(n);
  const eliminatedCount = new Uint32Array(filters.length);
  const eligible = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const c = candidates[i];
    let f = 0;
    while (f < filters.length && !filters[f].fails(x, c)) f++;
    if (f < filters.length) {
      failedAt[i] = f + 1;
      eliminatedCount[f]++;
    } else {
      eligible[m++] = i;
    }
  }

  // 2. Levels, score, tier and confidence of the eligible candidates.
  const levels = new Uint8Array(m * 6);
  const scores = new Float64Array(m);
  const tiers = new Uint8Array(m);
  const confs = new Uint8Array(m);
  const lv = new Uint8Array(6);
  for (let k = 0; k < m; k++) {
    const c = candidates[eligible[k]];
    for (let d = 0; d < 6; d++) levels[k * 6 + d] = lv[d] = scorers[d](x, c, null);
    scores[k] = compositeScore(lv, rules);
    tiers[k] = tierIndex(lv, scores[k], rules.tier);
    confs[k] = confidenceIndex(eng.dataAgeDays(x, c), eng.missingCount(x, c), rules.confidence);
  }

  // 3. Rank: tier, score descending, name, id.
  const order: number[] = new Array(m);
  for (let k = 0; k < m; k++) order[k] = k;
  order.sort((a, b) => {
    const ca = candidates[eligible[a]];
    const cb = candidates[eligible[b]];
    return tiers[a] - tiers[b] || scores[b] - scores[a] || (ca.name < cb.name ? -1 : ca.name > cb.name ? 1 : 0) || (ca.id < cb.id ? -1 : ca.id > cb.id ? 1 : 0);
  });

  // 4. Output; reasoning sentences only for the ranked candidates.
  const ranked: RankedCandidate[] = new Array(m);
  const scored: ScoredEntry[] = new Array(m);
  for (let r = 0; r < m; r++) {
    const k = order[r];
    const c = candidates[eligible[k]];
    const o = k * 6;
    for (let d = 0; d < 6; d++) lv[d] = levels[o + d];
    ranked[r] = {
      id: c.id,
      tier: TIERS[tiers[k]],
      name: c.name,
      confidence: CONFIDENCES[confs[k]],
      scores: {
        appetite: LEVELS[lv[0] - 1],
        coverage: LEVELS[lv[1] - 1],
        financial: LEVELS[lv[2] - 1],
        pricing: LEVELS[lv[3] - 1],
        placement: LEVELS[lv[4] - 1],
        service: LEVELS[lv[5] - 1],
      },
      reasoning: eng.reasoning(x, c, lv),
      score: scores[k],
    };
    scored[r] = [c.id, levelString(lv, 0), TIER_INITIAL[tiers[k]], CONFIDENCE_INITIAL[confs[k]], scores[k]];
  }

  // Eliminated ids per filter, in filter order and pool order, arrays sized exactly.
  const eliminated: Record<string, string[]> = {};
  const lists: string[][] = [];
  const fill = new Uint32Array(filters.length);
  for (let f = 0; f < filters.length; f++) {
    lists.push(new Array(eliminatedCount[f]));
    if (eliminatedCount[f] > 0) eliminated[filters[f].code] = lists[f];
  }
  for (let i = 0; i < n; i++) {
    const f = failedAt[i];
    if (f !== 0) lists[f - 1][fill[f - 1]++] = candidates[i].id;
  }

  return {
    result: { pool_size: n, filtered: m, candidates: ranked },
    trace: {
      engine_version: ENGINE_VERSION,
      domain: pack.id,
      as_of: ctx.asOf,
      rules_hash: rulesHash(rules),
      pool_size: n,
      filtered: m,
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
