import { ENGINE_VERSION, evaluate, RuleOverrideError, type ObservedMarket, type PoolCandidate, type RuleOverrides } from "@/lib/engine";
import type { JobOutcome } from "@/lib/worker/queue";

// The pure part of an evaluation, importable by an engine thread (lib/worker/engine-thread.ts)
// without the database: the engine, and the trace as stored.

export class PermanentJobError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Everything an evaluation needs, read on the main thread: the pool version (cached per process),
 * the validated profile, the rule set in force and the observed market figures. What remains
 * (`runEvaluation`) is pure and may run on an engine thread (lib/worker/engine-threads.ts).
 */
export interface PreparedEvaluation {
  domainId: string;
  profile: unknown;
  poolVersionId: string;
  poolKey: string;
  poolVersion: number;
  candidates: readonly unknown[];
  asOf: string;
  rules: { overrides: unknown; version: number; id: string | null };
  observed?: ObservedMarket;
  loadMs: number;
}

/** The pure part: the engine, and the trace as stored. Same inputs, same bytes, on any thread. */
export function runEvaluation(p: PreparedEvaluation): JobOutcome {
  const t1 = performance.now();
  let evaluated: ReturnType<typeof evaluate>;
  try {
    evaluated = evaluate(p.domainId, p.profile, p.candidates as PoolCandidate[], {
      asOf: p.asOf,
      rules: p.rules.overrides as RuleOverrides,
      ...(p.observed ? { observed: p.observed } : {}),
    });
  } catch (err) {
    // Saved rules were checked against this engine's rules; only an engine that renamed one fails here.
    if (err instanceof RuleOverrideError)
      throw new PermanentJobError("invalid_rules", `The organization's scoring rules (version ${p.rules.version}) do not apply to this engine version`);
    throw err;
  }
  const { result, trace } = evaluated;
  const t2 = performance.now();
  return {
    engineVersion: ENGINE_VERSION,
    poolSize: result.pool_size,
    filtered: result.filtered,
    result,
    trace: { ...trace, pool: p.poolKey, pool_version: p.poolVersion, profile: p.profile },
    timings: { load_ms: round(p.loadMs), evaluate_ms: round(t2 - t1) },
    rulesVersion: p.rules.version,
    rulesSetId: p.rules.id,
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;
