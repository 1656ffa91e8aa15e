// Engine benchmark: `npx tsx bench/engine.ts`. For each pool size (1,847 / 10,000 / 100,000) and
// profile, prints one JSON line with the median and p90 wall time (and median CPU time) of
// evaluate() — result plus its full compact trace (every failing filter, near misses, market) —
// after warm-up, and of a tight reference loop written below that does the least a ranking can
// do (state, line and band checks, one score, a sort). Runs alternate between the two so that
// load from other processes hits both alike: read the ratio. Pools above 1,847 come from the same
// generator with a larger count, so the data has the demo pool's distributions.
import os from "node:os";
import { evaluate, EXPOSURE_BASIS, type Carrier, type CarrierProfile } from "../lib/engine";
import { generateCarriers } from "../lib/pools/demo";

const AS_OF = "2026-11-28T00:00:00Z";
const PROFILES: Record<string, CarrierProfile> = {
  // The seed profile: about a hundred eligible carriers per 1,847.
  seed: { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12_000_000 },
  // A broad risk that many carriers write: exercises scoring and reasoning for hundreds of candidates.
  broad: { entity: "lone-star-contractors", state: "TX", line: "general_liability", revenue: 3_000_000, naics: "238160", years_in_business: 6 },
};

/**
 * The reference: what any ranking of this pool must at least do, written as tightly as plain
 * TypeScript allows — can they write here (admitted or surplus lines), this line, this size;
 * one number per eligible carrier; sort. No trace, no reasoning, no evidence.
 */
function reference(profile: CarrierProfile, pool: readonly Carrier[]): { id: string; score: number }[] {
  const state = profile.state;
  const line = profile.line;
  const basis = EXPOSURE_BASIS[line];
  const exposure = profile[basis] ?? 0;
  const out: { id: string; score: number }[] = [];
  for (let i = 0; i < pool.length; i++) {
    const c = pool[i];
    const l = c.lines[line];
    if (l === undefined) continue;
    if (!c.admitted_states.includes(state) && !c.surplus_lines_states.includes(state)) continue;
    const lo = basis === "revenue" ? l.revenue_min : l.exposure_min;
    const hi = basis === "revenue" ? l.revenue_max : l.exposure_max;
    if ((lo != null && exposure < lo) || (hi != null && exposure > hi)) continue;
    const score = (l.appetite === "target" ? 3 : l.appetite === "consider" ? 2 : 1) * 10 - (l.rate_position ?? 0) + (c.placement?.hit_ratio ?? 0) * 10;
    out.push({ id: c.id, score });
  }
  out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return out;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function time(fn: () => void): [number, number] {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return [wall, (d.user + d.system) / 1000];
}

// BENCH_SIZES=1847 limits the run to some sizes.
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : [1847, 10_000, 100_000];
for (const size of SIZES) {
  const t0 = performance.now();
  const pool = generateCarriers(size);
  const generateMs = performance.now() - t0;
  const runs = size <= 10_000 ? 101 : 21;
  for (const [name, profile] of Object.entries(PROFILES)) {
    let eligible = 0;
    let nearMisses = 0;
    for (let i = 0; i < Math.ceil(runs / 2); i++) {
      const r = evaluate("carriers", profile, pool, { asOf: AS_OF });
      eligible = r.result.filtered;
      nearMisses = r.trace.near_misses?.length ?? 0;
      reference(profile, pool);
    }
    const eng: number[] = [];
    const engCpu: number[] = [];
    const ref: number[] = [];
    const refCpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [w, c] = time(() => evaluate("carriers", profile, pool, { asOf: AS_OF }));
      eng.push(w);
      engCpu.push(c);
      const [rw, rc] = time(() => reference(profile, pool));
      ref.push(rw);
      refCpu.push(rc);
    }
    for (const a of [eng, engCpu, ref, refCpu]) a.sort((x, y) => x - y);
    const med = quantile(eng, 0.5);
    console.log(
      JSON.stringify({
        bench: "engine.evaluate",
        engine: "2.0.0",
        profile: name,
        pool_size: size,
        eligible,
        near_misses: nearMisses,
        runs,
        median_ms: +med.toFixed(3),
        p90_ms: +quantile(eng, 0.9).toFixed(3),
        median_cpu_ms: +quantile(engCpu, 0.5).toFixed(3),
        median_us_per_candidate: +((med * 1000) / size).toFixed(3),
        reference_median_ms: +quantile(ref, 0.5).toFixed(3),
        ratio_to_reference: +(med / quantile(ref, 0.5)).toFixed(2),
        // On a loaded machine wall time includes waiting for a core; CPU time does not.
        cpu_ratio_to_reference: +(quantile(engCpu, 0.5) / Math.max(quantile(refCpu, 0.5), 0.001)).toFixed(2),
        p25_ms: +quantile(eng, 0.25).toFixed(3),
        reference_p25_ms: +quantile(ref, 0.25).toFixed(3),
        generate_ms: Math.round(generateMs),
        // Other processes on the machine skew timings; the 1-minute load average says how much.
        load_avg_1m: +os.loadavg()[0].toFixed(2),
      }),
    );
  }
}
