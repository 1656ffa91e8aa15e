import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DIMENSIONS, engineForTrace, type CandidateExplanation, type CompactTrace, type PoolCandidate, type RuleOverrides } from "@/lib/engine";
import { notFound } from "@/lib/errors";
import { gunzipJson } from "@/lib/jobs/result-codec";
import { loadPoolVersion } from "@/lib/pools/pools";
import { ruleSetById } from "@/lib/rules/rule-sets";
import type { TraceJson } from "@/lib/traces/schemas";

// The audit trace of one evaluation. What is stored is compact (decisions and levels per
// candidate); the evidence is recomputed here with the engine's explain(), which is deterministic
// for the same profile, pool version, engine version, as-of date and scoring rules (the
// organization's rule-set version the job recorded, loaded by id), so nothing is lost. A trace
// recorded by engine 1 is explained by the frozen engine 1 (engineForTrace), with its own filters
// and evidence; fields engine 2 added (markets, every failing filter, near misses) are absent there.

export type StoredTrace = CompactTrace & { pool: string; pool_version: number; profile: Record<string, unknown> };

const LEVEL = (d: string) => `L${d}` as "L1" | "L2" | "L3" | "L4";
const TIER = { S: "STRONG_FIT", M: "MODERATE_FIT", W: "WEAK_FIT" } as const;
const CONF = { H: "HIGH", M: "MEDIUM", L: "LOW" } as const;

export async function getTrace(db: PrismaClient, organizationId: string, evalId: string, opts: { evidence?: boolean } = {}): Promise<TraceJson> {
  const job = await db.job.findFirst({
    where: { id: evalId, organizationId },
    select: {
      id: true,
      status: true,
      poolKey: true,
      poolVersionId: true,
      profile: true,
      createdAt: true,
      startedAt: true,
      completedAt: true,
      errorCode: true,
      errorMessage: true,
      attempts: true,
      pool: { select: { domain: true } },
      poolVersion: { select: { version: true } },
      result: { select: { engineVersion: true, trace: true, timings: true, rulesVersion: true, rulesSetId: true } },
    },
  });
  if (!job) throw notFound("Trace");
  const base = {
    eval_id: job.id,
    status: job.status,
    pool: job.poolKey,
    pool_version: job.poolVersion.version,
    domain: job.pool.domain,
    profile: job.profile as Record<string, unknown>,
    created_at: job.createdAt.toISOString(),
    started_at: job.startedAt?.toISOString() ?? null,
    completed_at: job.completedAt?.toISOString() ?? null,
    attempts: job.attempts,
    ...(job.status === "failed" ? { error: { code: job.errorCode, message: job.errorMessage } } : {}),
  };
  if (!job.result) return { ...base, engine_version: null, timings: null, eliminated: [], scored: [], near_misses: [], notes: [] };

  const stored = gunzipJson<StoredTrace>(job.result.trace);
  const engine = engineForTrace(stored.engine_version);
  const domain = engine.getDomain(stored.domain)!;
  const sources = new Map(domain.engine.filters.map((f: { code: string; source?: string }) => [f.code, f.source]));
  const pool = opts.evidence === false ? null : await loadPoolVersion(db, job.poolVersionId);
  const byId = new Map<string, PoolCandidate>((pool?.candidates as PoolCandidate[] | undefined)?.map((c) => [c.id, c]) ?? []);
  // Results stored before rule sets existed have version 0 and no id: the defaults, as then.
  const ruleSet = await ruleSetById(db, organizationId, job.result.rulesSetId);
  const overrides = ruleSet?.overrides as RuleOverrides | undefined;
  // The organization's market figures the evaluation was given (observed-quote-rate rule), as stored.
  const ctx = { asOf: stored.as_of, rules: overrides, ...(stored.observed_market ? { observed: stored.observed_market } : {}) };
  const why = (id: string): CandidateExplanation | null => {
    const c = byId.get(id);
    return c && ruleSet ? engine.explain(domain.id, stored.profile, c, ctx) : null;
  };

  const eliminated = domain.filterCodes
    .filter((code) => stored.eliminated[code]?.length)
    .map((code) => ({
      code,
      rule: domain.filterRuleText[code] ?? code,
      ...(sources.get(code) ? { source: sources.get(code) } : {}),
      count: stored.eliminated[code].length,
      candidates: stored.eliminated[code].map((id) => {
        const e = why(id);
        if (!e || e.eligible) return { id, name: byId.get(id)?.name ?? id };
        const also = e.failures?.slice(1).map((f) => ({ code: f.code, rule: f.rule, values: f.values, ...(f.near_miss ? { near_miss: f.near_miss } : {}) }));
        return {
          id,
          name: byId.get(id)?.name ?? id,
          values: e.filter.values,
          ...(e.filter.near_miss ? { near_miss: e.filter.near_miss } : {}),
          ...(also && also.length > 0 ? { also_failed: also } : {}),
        };
      }),
    }));

  const scored = stored.scored.map(([id, levels, tier, conf, score, market], i) => {
    const e = why(id);
    return {
      rank: i + 1,
      id,
      name: byId.get(id)?.name ?? id,
      tier: TIER[tier],
      confidence: CONF[conf],
      score,
      ...(market ? { market } : {}),
      scores: Object.fromEntries(DIMENSIONS.map((d, k) => [d, LEVEL(levels[k])])),
      ...(e && e.eligible
        ? {
            evidence: e.dimensions,
            tier_rule: e.tier.rule,
            confidence_rule: e.confidence.rule,
            confidence_values: e.confidence.values,
            reasoning: e.reasoning,
            ...(e.extras ? { extras: e.extras } : {}),
          }
        : {}),
    };
  });

  const rules = engine.resolveRules(domain.id, overrides);
  return {
    ...base,
    engine_version: stored.engine_version,
    as_of: stored.as_of,
    rules_hash: stored.rules_hash,
    rules_version: job.result.rulesVersion,
    timings: job.result.timings,
    pool_size: stored.pool_size,
    filtered: stored.filtered,
    rules: {
      tier: (rules as { tier?: unknown }).tier ?? null,
      confidence: (rules as { confidence?: unknown }).confidence ?? null,
      weights: (rules as { weights?: unknown }).weights ?? null,
    },
    eliminated,
    scored,
    near_misses: stored.near_misses ?? [],
    notes: stored.notes ?? [],
    ...(stored.observed_market ? { observed_market: stored.observed_market } : {}),
  };
}

export type Trace = TraceJson;
