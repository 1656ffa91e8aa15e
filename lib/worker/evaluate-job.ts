import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ENGINE_VERSION, evaluate, getDomain, RuleOverrideError, type PoolCandidate, type RuleOverrides } from "@/lib/engine";
import { loadPoolVersion } from "@/lib/pools/pools";
import { currentRuleSet, ruleSetVersion } from "@/lib/rules/rule-sets";
import type { ClaimedJob, JobOutcome } from "@/lib/worker/queue";

// One evaluation: the pool version the job was submitted against (immutable, cached per process),
// the organization's scoring rules in force for the pool's domain when it runs (recorded by
// version and id, so the trace recomputes evidence with the same rules), the engine, and
// timings. The engine reads time only from `asOf`, the job's creation time, so a re-run of the
// same inputs gives the same bytes.

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
 * rules are read once per (organization, domain) for the whole group.
 */
export type RulesMemo = Map<string, ReturnType<typeof currentRuleSet>>;

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
    let pending = memo?.get(memoKey);
    if (!pending) {
      pending = currentRuleSet(db, job.organizationId, domain.id);
      memo?.set(memoKey, pending);
    }
    rules = await pending;
  }
  const t1 = performance.now();
  let evaluated: ReturnType<typeof evaluate>;
  try {
    evaluated = evaluate(domain.id, profile.data, pool.candidates as PoolCandidate[], {
      asOf: job.createdAt.toISOString(),
      rules: rules.overrides as RuleOverrides,
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
