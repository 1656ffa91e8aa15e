// Engine benchmark: `npx tsx bench/engine.ts`. Prints one JSON line per (pool size, profile) with the
// median and p90 wall time of evaluate() after warm-up. Pools above 1,847 come from the same
// generator with a larger count, so the data has the demo pool's distributions.
import { evaluate, type CarrierProfile } from "../lib/engine";
import { generateCarriers } from "../lib/pools/demo";

const AS_OF = "2026-11-28T00:00:00Z";
const PROFILES: Record<string, CarrierProfile> = {
  // The seed profile: tens of eligible carriers per 1,847.
  seed: { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12_000_000 },
  // A broad risk that many carriers write: exercises scoring and reasoning for hundreds of candidates.
  broad: { entity: "lone-star-contractors", state: "TX", line: "general_liability", revenue: 3_000_000 },
};

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

for (const size of [1847, 10_000, 100_000]) {
  const t0 = performance.now();
  const pool = generateCarriers(size);
  const generateMs = performance.now() - t0;
  const runs = size <= 10_000 ? 101 : 21;
  for (const [name, profile] of Object.entries(PROFILES)) {
    let eligible = 0;
    for (let i = 0; i < Math.ceil(runs / 2); i++) eligible = evaluate("carriers", profile, pool, { asOf: AS_OF }).result.filtered;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      evaluate("carriers", profile, pool, { asOf: AS_OF });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        bench: "engine.evaluate",
        domain: "carriers",
        profile: name,
        pool_size: size,
        eligible,
        runs,
        median_ms: +quantile(times, 0.5).toFixed(3),
        p90_ms: +quantile(times, 0.9).toFixed(3),
        generate_ms: Math.round(generateMs),
      }),
    );
  }
}
