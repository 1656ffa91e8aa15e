/**
 * The pipeline: filters → six levels → score → tier → confidence → reasoning → rank. Pure: the
 * only notion of time is ctx.asOf (the job's creation time), so re-running a trace's inputs
 * gives byte-identical output.
 */
import { asOfDayNumber } from "./dates";
import { dropLegacyRules, mergeRules, rulesHash } from "./rules";
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
  type FilterFailure,
  type NearMiss,
  type ObservedMarket,
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
  /**
   * The organization's observed market figures for the profile's line (an input like the pool:
   * loaded by the caller, never by the engine). Used only when the rules turn the
   * observed-quote-rate rule on; then the trace records them (`observed_market`).
   */
  observed?: ObservedMarket;
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
  /** saved rules of an earlier engine that were dropped (DomainPack.legacyRules) */
  ruleNotes: string[];
}

function prepare(domainId: string, profile: unknown, ctx: EvaluationContext): Prepared {
  const pack = getDomain(domainId);
  if (!pack) throw new UnknownDomainError(domainId);
  const asOfDay = asOfDayNumber(ctx.asOf);
  const current = dropLegacyRules(ctx.rules, pack.legacyRules);
  const rules = mergeRules(pack.defaultRules as BaseRules, current.overrides);
  return { pack, rules, x: pack.engine.prepare(profile, rules, asOfDay, ctx.observed), asOfDay, ruleNotes: current.notes };
}

/** The merged rules an evaluation with these overrides uses (for the trace page). */
export function resolveRules(domainId: string, overrides?: RuleOverrides): BaseRules {
  const pack = getDomain(domainId);
  if (!pack) throw new UnknownDomainError(domainId);
  return mergeRules(pack.defaultRules as BaseRules, dropLegacyRules(overrides, pack.legacyRules).overrides);
}

function levelString(lv: ArrayLike<number>, o: number): string {
  return String.fromCharCode(48 + lv[o], 48 + lv[o + 1], 48 + lv[o + 2], 48 + lv[o + 3], 48 + lv[o + 4], 48 + lv[o + 5]);
}

/**
 * Per-candidate work writes into typed arrays sized once per call, so scanning a pool allocates
 * nothing per eligible candidate: with large pools in the heap, garbage collection (not the
 * rules) is what would otherwise grow faster than the pool.
 */
export function evaluate(
  domainId: string,
  profile: unknown,
  candidates: readonly CandidateBase[],
  ctx: EvaluationContext,
): { result: EvaluationResult; trace: CompactTrace } {
  const { pack, rules, x, ruleNotes } = prepare(domainId, profile, ctx);
  const eng = pack.engine;
  const { filters, scorers } = eng;
  const n = candidates.length;
  const nf = filters.length;

  // 1. Filters. Every filter runs on every candidate, so an eliminated one records all its
  // reasons, not only the first: failedAt[i] = index of the first failing filter + 1, or 0;
  // later failures go to per-filter id lists (few keys, no per-candidate allocation).
  const failedAt = new Uint8Array(n);
  const eliminatedCount = new Uint32Array(nf);
  const eligible = new Int32Array(n);
  const later: string[][] = [];
  for (let f = 0; f < nf; f++) later.push([]);
  const nearMisses: NearMiss[] = [];
  let m = 0;
  const failMask = eng.failMask;
  let nearMask = 0;
  for (let f = 0; f < nf; f++) if (filters[f].nearMiss !== undefined) nearMask |= 1 << f;
  for (let i = 0; i < n; i++) {
    const c = candidates[i];
    let mask = 0;
    if (failMask !== undefined) mask = failMask(x, c);
    else for (let f = 0; f < nf; f++) if (filters[f].fails(x, c)) mask |= 1 << f;
    if (mask === 0) {
      eligible[m++] = i;
      continue;
    }
    const first = 31 - Math.clz32(mask & -mask);
    let near = (mask & ~nearMask) === 0;
    for (let rest = mask & (mask - 1); rest !== 0; rest &= rest - 1) later[31 - Math.clz32(rest & -rest)].push(c.id);
    failedAt[i] = first + 1;
    eliminatedCount[first]++;
    if (near) {
      const failed: NearMiss["failed"] = [];
      for (let f = first; f < nf && near; f++) {
        const fd = filters[f];
        if ((mask & (1 << f)) === 0) continue;
        const nm = fd.nearMiss!(x, c);
        if (nm) failed.push({ code: fd.code, ...nm });
        else near = false;
      }
      if (near) {
        const entry: NearMiss = { id: c.id, name: c.name, failed };
        if (eng.markets && eng.market) entry.market = eng.markets[eng.market(x, c)];
        nearMisses.push(entry);
      }
    }
  }
  const alsoFailed: Record<string, string[]> = {};
  for (let f = 0; f < nf; f++) if (later[f].length > 0) alsoFailed[filters[f].code] = later[f];
  nearMisses.sort((a, b) => a.failed.length - b.failed.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1));

  // 2. Levels, score, tier, market and confidence of the eligible candidates.
  const levels = new Uint8Array(m * 6);
  const scores = new Float64Array(m);
  const tiers = new Uint8Array(m);
  const confs = new Uint8Array(m);
  const markets = new Uint8Array(m);
  const lv = new Uint8Array(6);
  const hasMarkets = eng.markets !== undefined && eng.market !== undefined;
  for (let k = 0; k < m; k++) {
    const c = candidates[eligible[k]];
    for (let d = 0; d < 6; d++) levels[k * 6 + d] = lv[d] = scorers[d](x, c, null);
    scores[k] = compositeScore(lv, rules);
    tiers[k] = tierIndex(lv, scores[k], rules.tier);
    const gaps = eng.profileGaps ? eng.profileGaps(x, c, null) : 0;
    confs[k] = confidenceIndex(eng.dataAgeDays(x, c), eng.missingCount(x, c), rules.confidence, gaps);
    if (hasMarkets) markets[k] = eng.market!(x, c);
  }

  // 3. Rank: tier, market (when the domain's rules put the first market ahead), score descending, name, id.
  const byMarket = hasMarkets && (eng.rankByMarket ? eng.rankByMarket(x) : false);
  const order: number[] = new Array(m);
  for (let k = 0; k < m; k++) order[k] = k;
  order.sort((a, b) => {
    const ca = candidates[eligible[a]];
    const cb = candidates[eligible[b]];
    return (
      tiers[a] - tiers[b] ||
      (byMarket ? markets[a] - markets[b] : 0) ||
      scores[b] - scores[a] ||
      (ca.name < cb.name ? -1 : ca.name > cb.name ? 1 : 0) ||
      (ca.id < cb.id ? -1 : ca.id > cb.id ? 1 : 0)
    );
  });

  // 4. Output; reasoning sentences only for the ranked candidates.
  const ranked: RankedCandidate[] = new Array(m);
  const scored: ScoredEntry[] = new Array(m);
  for (let r = 0; r < m; r++) {
    const k = order[r];
    const c = candidates[eligible[k]];
    const o = k * 6;
    for (let d = 0; d < 6; d++) lv[d] = levels[o + d];
    const rc: RankedCandidate = {
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
    if (hasMarkets) rc.market = eng.markets![markets[k]];
    if (eng.extras) Object.assign(rc, eng.extras(x, c));
    ranked[r] = rc;
    scored[r] = hasMarkets
      ? [c.id, levelString(lv, 0), TIER_INITIAL[tiers[k]], CONFIDENCE_INITIAL[confs[k]], scores[k], eng.markets![markets[k]]]
      : [c.id, levelString(lv, 0), TIER_INITIAL[tiers[k]], CONFIDENCE_INITIAL[confs[k]], scores[k]];
  }

  // Eliminated ids per first failing filter, in filter order and pool order, arrays sized exactly.
  const eliminated: Record<string, string[]> = {};
  const lists: string[][] = [];
  const fill = new Uint32Array(nf);
  for (let f = 0; f < nf; f++) {
    lists.push(new Array(eliminatedCount[f]));
    if (eliminatedCount[f] > 0) eliminated[filters[f].code] = lists[f];
  }
  for (let i = 0; i < n; i++) {
    const f = failedAt[i];
    if (f !== 0) lists[f - 1][fill[f - 1]++] = candidates[i].id;
  }

  const trace: CompactTrace = {
    engine_version: ENGINE_VERSION,
    domain: pack.id,
    as_of: ctx.asOf,
    rules_hash: rulesHash(rules),
    pool_size: n,
    filtered: m,
    eliminated,
    scored,
    also_failed: alsoFailed,
    near_misses: nearMisses,
  };
  const notes = [...(eng.notes ? eng.notes(x) : []), ...ruleNotes];
  if (notes.length > 0) trace.notes = notes;
  const observed = eng.observedUsed ? eng.observedUsed(x) : null;
  if (observed) trace.observed_market = observed;
  return { result: { pool_size: n, filtered: m, candidates: ranked }, trace };
}

/** Full evidence for one candidate, recomputed with the same functions evaluate() uses. */
export function explain(domainId: string, profile: unknown, candidate: CandidateBase, ctx: EvaluationContext): CandidateExplanation {
  const { pack, rules, x } = prepare(domainId, profile, ctx);
  const eng = pack.engine;
  const failures: FilterFailure[] = [];
  let near = true;
  for (const f of eng.filters) {
    if (!f.fails(x, candidate)) continue;
    const failure: FilterFailure = { code: f.code, ...f.explain(x, candidate) };
    if (f.source) failure.source = f.source;
    const nm = f.nearMiss ? f.nearMiss(x, candidate) : null;
    if (nm) failure.near_miss = nm;
    else near = false;
    failures.push(failure);
  }
  const market = eng.markets && eng.market ? eng.markets[eng.market(x, candidate)] : undefined;
  if (failures.length > 0) {
    return { eligible: false, filter: failures[0], failures, near_miss: near, ...(market ? { market } : {}) };
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
  const missing = eng.missingCount(x, candidate);
  const gapNames: string[] = [];
  const gaps = eng.profileGaps ? eng.profileGaps(x, candidate, gapNames) : 0;
  const conf = confidenceIndex(age, missing, rules.confidence, gaps);
  const weighted = missing !== missingFields.length;
  return {
    eligible: true,
    dimensions,
    tier: { tier: TIERS[tierIndex(lv, score, rules.tier)], rule: tierRule(lv, score, rules.tier) },
    confidence: {
      confidence: CONFIDENCES[conf],
      rule: confidenceRule(age, missing, rules.confidence, gaps, weighted ? "weight of missing fields" : "fields missing"),
      values: {
        age_days: Number.isNaN(age) ? null : age,
        missing_fields: missingFields,
        ...(weighted ? { missing_weight: missing } : {}),
        ...(eng.profileGaps ? { profile_gaps: gapNames } : {}),
      },
    },
    reasoning: eng.reasoning(x, candidate, lv),
    score,
    ...(market ? { market } : {}),
    ...(eng.extras ? { extras: eng.extras(x, candidate) } : {}),
    ...(eng.profileGaps ? { profile_gaps: gapNames } : {}),
  };
}
