// Engine benchmark: `npx tsx bench/engine.ts`. Prints one JSON line per (pool size, profile) with the
// median and p90 wall time (and median CPU time) of evaluate() after warm-up. Pools above 1,847 come from the same
// generator with a larger count, so the data has the demo pool's distributions.
import os from "node:os";
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
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      evaluate("carriers", profile, pool, { asOf: AS_OF });
      times.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        bench: "engine.evaluate",
        domain: "carriers",
        profile: name,
        pool_size: size,
        eligible,
        runs,
        median_ms: +quantile(times, 0.5).toFixed(3),
        median_us_per_candidate: +((quantile(times, 0.5) * 1000) / size).toFixed(3),
        p90_ms: +quantile(times, 0.9).toFixed(3),
        // CPU time of this process: far less sensitive than wall time to other processes on the machine.
        median_cpu_ms: +quantile(cpu, 0.5).toFixed(3),
        generate_ms: Math.round(generateMs),
        // Other processes on the machine skew timings; the 1-minute load average says how much.
        load_avg_1m: +os.loadavg()[0].toFixed(2),
      }),
    );
  }
}
