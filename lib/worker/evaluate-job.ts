import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  ENGINE_VERSION,
  evaluate,
  getDomain,
  resolveRules,
  RuleOverrideError,
  type ObservedMarket,
  type PoolCandidate,
  type RuleOverrides,
} from "@/lib/engine";
import type { CarrierRules } from "@/lib/engine";
import { loadObservedMarket } from "@/lib/markets/observed";
import { loadPoolVersion } from "@/lib/pools/pools";
import { currentRuleSet, ruleSetVersion } from "@/lib/rules/rule-sets";
import type { ClaimedJob, JobOutcome } from "@/lib/worker/queue";

// One evaluation: the pool version the job was submitted against (immutable, cached per process),
// the organization's scoring rules in force for the pool's domain when it runs (recorded by
// version and id, so the trace recomputes evidence with the same rules), the engine, and
// timings. The engine reads time only from `asOf`, the job's creation time, so a re-run of the
// same inputs gives the same bytes. When the organization's carrier rules turn the
// observed-quote-rate rule on, its own figures for the job's line are loaded here and passed in as
// one more input; the trace stores them (observed_market).

export class PermanentJobError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Per claimed group: when the claim did not say which rule set is in force, the organization's
 * rules are read once per (organization, domain) for the whole group; its observed market figures
 * once per (organization, line, as-of).
 */
export type RulesMemo = Map<string, Promise<unknown>>;

/** The organization's observed figures for the profile's line, when its rules turn the rule on; else undefined. */
function observedFor(
  db: PrismaClient,
  job: ClaimedJob,
  domainId: string,
  profile: unknown,
  overrides: unknown,
  memo?: RulesMemo,
): Promise<ObservedMarket> | undefined {
  if (domainId !== "carriers") return undefined;
  let rule: CarrierRules["placement"]["observed_quote_rate"];
  try {
    rule = (resolveRules(domainId, overrides as RuleOverrides) as CarrierRules).placement.observed_quote_rate;
  } catch {
    return undefined; // evaluate() reports rules that do not apply
  }
  if (!rule.enabled) return undefined;
  const line = (profile as { line: string }).line;
  const key = `observed\u0000${job.organizationId}\u0000${line}\u0000${job.createdAt.toISOString()}\u0000${rule.lookback_days}`;
  let pending = memo?.get(key) as Promise<ObservedMarket> | undefined;
  if (!pending) {
    pending = loadObservedMarket(db, job.organizationId, line, job.createdAt, rule.lookback_days);
    memo?.set(key, pending);
  }
  return pending;
}

export async function evaluateJob(db: PrismaClient, job: ClaimedJob, memo?: RulesMemo): Promise<JobOutcome> {
  const t0 = performance.now();
  const pool = await loadPoolVersion(db, job.poolVersionId);
  if (!pool) throw new PermanentJobError("pool_version_missing", "The pool version this job was submitted against no longer exists");
  const domain = getDomain(pool.domain);
  if (!domain) throw new PermanentJobError("unknown_domain", "The pool's domain is not supported by this engine version");
  const profile = domain.profileSchema.safeParse(job.profile);
  if (!profile.success) throw new PermanentJobError("invalid_profile", "The stored profile does not match the pool's schema");
  let rules;
  if (job.rulesSetId !== undefined) rules = await ruleSetVersion(db, job.organizationId, job.rulesSetId);
  else {
    const memoKey = `${job.organizationId}\u0000${domain.id}`;
    let pending = memo?.get(memoKey) as ReturnType<typeof currentRuleSet> | undefined;
    if (!pending) {
      pending = currentRuleSet(db, job.organizationId, domain.id);
      memo?.set(memoKey, pending);
    }
    rules = await pending;
  }
  const observed = await observedFor(db, job, domain.id, profile.data, rules.overrides, memo);
  const t1 = performance.now();
  let evaluated: ReturnType<typeof evaluate>;
  try {
    evaluated = evaluate(domain.id, profile.data, pool.candidates as PoolCandidate[], {
      asOf: job.createdAt.toISOString(),
      rules: rules.overrides as RuleOverrides,
      ...(observed ? { observed } : {}),
    });
  } catch (err) {
    // Saved rules were checked against this engine's rules; only an engine that renamed one fails here.
    if (err instanceof RuleOverrideError)
      throw new PermanentJobError("invalid_rules", `The organization's scoring rules (version ${rules.version}) do not apply to this engine version`);
    throw err;
  }
  const { result, trace } = evaluated;
  const t2 = performance.now();
  return {
    engineVersion: ENGINE_VERSION,
    poolSize: result.pool_size,
    filtered: result.filtered,
    result,
    trace: { ...trace, pool: job.poolKey, pool_version: pool.version, profile: profile.data },
    timings: { load_ms: round(t1 - t0), evaluate_ms: round(t2 - t1) },
    rulesVersion: rules.version,
    rulesSetId: rules.id,
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;
