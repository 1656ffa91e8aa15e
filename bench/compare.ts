// Compare benchmark: `npx tsx bench/compare.ts`. Two evaluations of the 1,847-carrier demo pool
// (the broad profile, then the same profile edited as an underwriter would: revenue and class),
// compared with lib/compare; and the diff of two versions of that pool. One JSON line each with the
// median and p90 of the pure function after warm-up (loading from the database is not included).
import os from "node:os";
import { compareEvaluations, type EvaluationSnapshot } from "../lib/compare/evaluations";
import { diffPoolVersions, type PoolRecord } from "../lib/compare/pool-diff";
import { evaluate, type CarrierProfile } from "../lib/engine";
import { generateCarriers } from "../lib/pools/demo";

const AS_OF = "2026-11-28T00:00:00Z";
const SIZE = 1847;
const RUNS = 101;

function measure(fn: () => unknown) {
  for (let i = 0; i < 20; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => +times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(3);
  return { runs: RUNS, median_ms: q(0.5), p90_ms: q(0.9), load_avg_1m: +os.loadavg()[0].toFixed(2) };
}

const pool = generateCarriers(SIZE);
const names = new Map(pool.map((c) => [c.id, c.name]));
function snapshot(evalId: string, profile: CarrierProfile, candidates = pool): EvaluationSnapshot {
  const { result, trace } = evaluate("carriers", profile, candidates, { asOf: AS_OF });
  return {
    eval_id: evalId,
    domain: "carriers",
    pool: "carriers:all",
    pool_version: 1,
    rules_version: 0,
    engine_version: trace.engine_version,
    profile,
    candidates: result.candidates,
    eliminated: trace.eliminated,
    names,
  };
}

const broad: CarrierProfile = { entity: "lone-star-contractors", state: "TX", line: "general_liability", revenue: 3_000_000 };
const a = snapshot("eval_a", broad);
const b = snapshot("eval_b", { ...broad, revenue: 9_000_000, naics: "238220" });
const cmp = compareEvaluations(a, b);
console.log(
  JSON.stringify({
    bench: "compare.evaluations",
    pool_size: SIZE,
    eligible_a: a.candidates.length,
    eligible_b: b.candidates.length,
    entries: cmp.candidates.length,
    material: cmp.summary.entered + cmp.summary.left,
    ...measure(() => compareEvaluations(a, b)),
  }),
);

// A second version of the pool: every 10th carrier drops its first admitted state, every 7th its
// appetite for its first line weakens, 20 are removed and 20 added.
const v1 = pool as unknown as PoolRecord[];
const v2 = JSON.parse(JSON.stringify(pool.slice(20))) as PoolRecord[];
v2.forEach((c, i) => {
  if (i % 10 === 0) (c.admitted_states as string[]).shift();
  const lines = c.lines as Record<string, { appetite: string }>;
  const first = Object.keys(lines)[0];
  if (i % 7 === 0 && first) lines[first].appetite = lines[first].appetite === "target" ? "consider" : "limited";
});
v2.push(...(JSON.parse(JSON.stringify(pool.slice(0, 20))) as PoolRecord[]).map((c, i) => ({ ...c, id: `${c.id}_new${i}` })));
const diff = diffPoolVersions("carriers", v1, v2);
console.log(
  JSON.stringify({
    bench: "compare.pool_versions",
    pool_size: SIZE,
    changed: diff.changed.length,
    sentences: diff.summary.length,
    ...measure(() => diffPoolVersions("carriers", v1, v2)),
  }),
);
