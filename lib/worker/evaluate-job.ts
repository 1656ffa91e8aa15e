import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDomain, resolveRules, type ObservedMarket, type RuleOverrides } from "@/lib/engine";
import type { CarrierRules } from "@/lib/engine";
import { loadObservedMarket } from "@/lib/markets/observed";
import { loadPoolVersion } from "@/lib/pools/pools";
import { currentRuleSet, ruleSetVersion } from "@/lib/rules/rule-sets";
import type { ClaimedJob, JobOutcome } from "@/lib/worker/queue";
import { PermanentJobError, runEvaluation, type PreparedEvaluation } from "@/lib/worker/run-evaluation";

// One evaluation: the pool version the job was submitted against (immutable, cached per process),
// the organization's scoring rules in force for the pool's domain when it runs (recorded by
// version and id, so the trace recomputes evidence with the same rules), the engine, and
// timings. The engine reads time only from `asOf`, the job's creation time, so a re-run of the
// same inputs gives the same bytes. When the organization's carrier rules turn the
// observed-quote-rate rule on, its own figures for the job's line are loaded here and passed in as
// one more input; the trace stores them (observed_market).

export { PermanentJobError };

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

export async function prepareEvaluation(db: PrismaClient, job: ClaimedJob, memo?: RulesMemo): Promise<PreparedEvaluation> {
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
  return {
    domainId: domain.id,
    profile: profile.data,
    poolVersionId: job.poolVersionId,
    poolKey: job.poolKey,
    poolVersion: pool.version,
    candidates: pool.candidates,
    asOf: job.createdAt.toISOString(),
    rules: { overrides: rules.overrides, version: rules.version, id: rules.id },
    ...(observed ? { observed } : {}),
    loadMs: performance.now() - t0,
  };
}

/** One evaluation on this thread (tests, and processes without engine threads). */
export async function evaluateJob(db: PrismaClient, job: ClaimedJob, memo?: RulesMemo): Promise<JobOutcome> {
  return runEvaluation(await prepareEvaluation(db, job, memo));
}
