// Stale carriers benchmark: `npx tsx bench/stale.ts` (PostgreSQL at 127.0.0.1:5432, database
// nexio_bench_stale, recreated). One organization with JOBS completed evaluations on the
// 1,847-carrier demo pool (carriers:all), each result holding ELIGIBLE ranked carriers (gzipped as
// the worker stores them). Measures GET …/stale-carriers' library call: the first request (which
// reads every result of the period into the top-places index), then warm requests (index current),
// a CSV of every row, and a request after 100 more evaluations completed. Prints one JSON object.
import os from "node:os";
import { resetPgDatabase, round } from "./lib";

const JOBS = Number(process.env.BENCH_JOBS ?? 5000);
const ELIGIBLE = Number(process.env.BENCH_ELIGIBLE ?? 300);
process.env.DATABASE_URL = resetPgDatabase("nexio_bench_stale");
const url = process.env.DATABASE_URL;

const { migrate } = await import("@/lib/db/migrate");
const { createPrisma } = await import("@/lib/db/client");
const { seedDemo } = await import("@/lib/pools/seed");
const { createOrganization } = await import("@/lib/orgs/organizations");
const { gzipJson } = await import("@/lib/jobs/result-codec");
const { newEvalId } = await import("@/lib/ids");
const { staleCarriers } = await import("@/lib/stale/stale");
const { StaleCarriersQuery } = await import("@/lib/stale/schemas");

await migrate(url);
const db = createPrisma(url);
await seedDemo(db);
const org = await createOrganization(db, "bench-stale", "Bench stale");
const pool = await db.pool.findUniqueOrThrow({ where: { key: "carriers:all" } });
const version = await db.poolVersion.findUniqueOrThrow({ where: { id: pool.currentVersionId! } });
const ids = (version.candidates as { id: string }[]).map((c) => c.id);

// A deterministic mix: each result ranks ELIGIBLE carriers drawn from a skewed window of the pool,
// so some carriers appear in most top-10s and most in few.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const DAY = 86_400_000;
const asOf = Date.parse("2026-11-30T00:00:00Z");

async function addJobs(n: number, startIndex: number) {
  for (let done = 0; done < n; done += 500) {
    const rows = [];
    const results = [];
    for (let i = 0; i < Math.min(500, n - done); i++) {
      const id = newEvalId();
      const at = new Date(asOf - ((startIndex + done + i) % 85) * DAY + 3_600_000);
      const start = Math.floor(rand() * rand() * (ids.length - ELIGIBLE));
      const candidates = ids
        .slice(start, start + ELIGIBLE)
        .map((cid, r) => ({ id: cid, name: cid, tier: "STRONG_FIT", confidence: "HIGH", scores: {}, reasoning: "x".repeat(120), score: 100 - r / 10 }));
      rows.push({
        id,
        organizationId: org.id,
        poolId: pool.id,
        poolVersionId: version.id,
        poolKey: pool.key,
        profile: { entity: "b" },
        entity: "b",
        status: "completed" as const,
        completedAt: at,
      });
      results.push({
        jobId: id,
        engineVersion: "bench",
        poolSize: ids.length,
        filtered: ELIGIBLE,
        result: gzipJson({ pool_size: ids.length, filtered: ELIGIBLE, candidates }),
        trace: gzipJson({}),
        timings: {},
      });
    }
    await db.job.createMany({ data: rows });
    await db.jobResult.createMany({ data: results });
  }
}

await addJobs(JOBS, 0);
const query = StaleCarriersQuery.parse({ as_of: "2026-11-30", period_days: "90", top: "10", min_appearances: "3", stale_after_days: "180" });
const today = new Date(asOf);
async function time<T>(fn: () => Promise<T>) {
  const t = performance.now();
  const value = await fn();
  return { ms: round(performance.now() - t), value };
}

// Until complete: each request reads at most INDEX_PER_REQUEST results into the index.
const first: { ms: number; value: Awaited<ReturnType<typeof staleCarriers>> }[] = [];
do first.push(await time(() => staleCarriers(db, org.id, pool.key, query, { today })));
while (!first.at(-1)!.value.complete);
const warm: number[] = [];
for (let i = 0; i < 11; i++) warm.push((await time(() => staleCarriers(db, org.id, pool.key, { ...query, offset: (i % 3) * 50 }, { today }))).ms);
warm.sort((a, b) => a - b);
const csv = await time(() => staleCarriers(db, org.id, pool.key, query, { today, all: true }));
await addJobs(100, JOBS);
const after100 = await time(() => staleCarriers(db, org.id, pool.key, query, { today }));
const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
  `EXPLAIN SELECT c.carrier_id, count(*) FROM result_top_index x JOIN result_top_carriers c ON c.job_id = x.job_id
   WHERE x.organization_id = '${org.id}' AND x.pool_id = '${pool.id}' AND x.completed_at >= now() - interval '90 days' AND c.rank <= 10 GROUP BY c.carrier_id`,
);

console.log(
  JSON.stringify({
    jobs: JOBS,
    eligible_per_result: ELIGIBLE,
    pool_size: ids.length,
    evaluations_in_period: first.at(-1)!.value.evaluations,
    stale_carriers: first.at(-1)!.value.total,
    requests_until_complete: first.length,
    each_until_complete_ms: first.map((f) => f.ms),
    warm_median_ms: warm[5],
    warm_max_ms: warm.at(-1),
    csv_all_rows_ms: csv.ms,
    csv_rows: csv.value.data.length,
    after_100_more_ms: after100.ms,
    index_rows: await db.resultTopCarrier.count(),
    plan: plan.map((p) => p["QUERY PLAN"].trim()).filter((l) => /Scan|Join/.test(l)),
    load_avg_1m: round(os.loadavg()[0], 2),
  }),
);
await db.$disconnect();
