// bench/markets.ts – GET /api/v1/markets/stats (lib/markets/stats.ts) and the observed-quote-rate
// loader (lib/markets/observed.ts) on PostgreSQL with a plan history of known size: organization A
// with JOBS_A evaluations × 5 planned carriers over a year, organization B (the neighbours) with 4×
// as many. Prints one JSON object: p50/max of ROUNDS calls each, and the plan of the stats query.
//
//   npx tsx bench/markets.ts          (database nexio_bench_markets on 127.0.0.1:5432, recreated)
import { createPrisma } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { marketStats } from "@/lib/markets/stats";
import { loadObservedMarket } from "@/lib/markets/observed";
import { MarketStatsQuery } from "@/lib/markets/schemas";
import { percentile, resetPgDatabase, round } from "./lib";

const JOBS_A = Number(process.env.BENCH_JOBS ?? 4000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

const url = resetPgDatabase("nexio_bench_markets");
await migrate(url);
const db = createPrisma(url);

await db.$executeRawUnsafe(`INSERT INTO organizations (id, name, slug) VALUES ('org_a', 'A', 'a'), ('org_b', 'B', 'b')`);
await db.$executeRawUnsafe(`INSERT INTO pools (id, key, domain, name) VALUES ('pool_x', 'bench:x', 'carriers', 'x')`);
await db.$executeRawUnsafe(`INSERT INTO pool_versions (id, pool_id, version, size, checksum, candidates) VALUES ('pv_x', 'pool_x', 1, 0, 'x', '[]')`);
await db.$executeRawUnsafe(`
  INSERT INTO jobs (id, organization_id, pool_id, pool_version_id, pool_key, profile, entity, status, created_at)
  SELECT 'j_' || t.o || '_' || g, 'org_' || t.o, 'pool_x', 'pv_x', 'bench:x',
    jsonb_build_object('line', (ARRAY['general_liability','property','cyber','workers_compensation'])[1 + g % 4], 'state', (ARRAY['CA','TX','NY','FL','IL','WA'])[1 + g % 6]),
    'e', 'completed', TIMESTAMP '2026-11-30' - (g % 365) * INTERVAL '1 day'
  FROM (VALUES ('a', ${JOBS_A}), ('b', ${JOBS_A * 4})) AS t(o, n), generate_series(1, t.n) g`);
await db.$executeRawUnsafe(`
  INSERT INTO plan_entries (id, organization_id, job_id, carrier_id, carrier_name, position, status, created_at)
  SELECT j.id || '_' || k, j.organization_id, j.id, 'car_' || ((abs(hashtext(j.id)) + k * 37) % 200), 'Carrier', k, 'submitted', j.created_at
  FROM jobs j, generate_series(0, 4) k`);
// added, submitted a day later, then by a hash of the id: 40 % quoted after 0–9 days (a quarter of
// those bound), 30 % declined (a reason), 20 % no response, 10 % still open.
await db.$executeRawUnsafe(`
  INSERT INTO plan_events (id, organization_id, entry_id, job_id, carrier_id, kind, actor, created_at, from_status, to_status, decline_reason)
  SELECT e.id || s.n, e.organization_id, e.id, e.job_id, e.carrier_id, CASE WHEN s.n = 0 THEN 'added' ELSE 'status' END, 'bench',
    e.created_at + (s.n + CASE WHEN s.n >= 2 THEN abs(hashtext(e.id)) % 10 ELSE 0 END) * INTERVAL '1 day',
    NULL, s.st::plan_status, CASE WHEN s.st = 'declined' THEN (ARRAY['class','size','capacity','pricing','other'])[1 + abs(hashtext(e.id)) % 5] END
  FROM plan_entries e
  CROSS JOIN LATERAL (
    SELECT 0 AS n, 'planned' AS st UNION ALL SELECT 1, 'submitted'
    UNION ALL SELECT 2, CASE WHEN abs(hashtext(e.id)) % 10 < 4 THEN 'quoted' WHEN abs(hashtext(e.id)) % 10 < 7 THEN 'declined' WHEN abs(hashtext(e.id)) % 10 < 9 THEN 'no_response' END
    UNION ALL SELECT 3, CASE WHEN abs(hashtext(e.id)) % 10 = 0 THEN 'bound' END
  ) s
  WHERE s.st IS NOT NULL`);
await db.$executeRawUnsafe(`ANALYZE`);
const events = (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT COUNT(*)::int AS n FROM plan_events`))[0].n;

async function time<T>(f: () => Promise<T>) {
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    last = await f();
    ms.push(performance.now() - t0);
  }
  return { p50_ms: round(percentile(ms, 50)), max_ms: round(Math.max(...ms)), last: last! };
}

const today = new Date("2026-11-30T12:00:00Z");
const year = MarketStatsQuery.parse({ from: "2025-12-01", to: "2026-11-30" });
const stats = await time(() => marketStats(db, "org_a", year, today));
const filtered = await time(() =>
  marketStats(db, "org_a", MarketStatsQuery.parse({ from: "2025-12-01", to: "2026-11-30", line: "property", state: "TX" }), today),
);
const quarter = await time(() => marketStats(db, "org_a", MarketStatsQuery.parse({}), today));
const observed = await time(() => loadObservedMarket(db, "org_a", "general_liability", today, 365));
const plan = await db.$queryRaw<
  { "QUERY PLAN": string }[]
>`EXPLAIN SELECT e."entry_id" FROM "plan_events" e WHERE e."organization_id" = 'org_a' AND e."to_status" = 'submitted' AND e."kind" = 'status' AND e."created_at" >= '2025-12-01'::timestamp AND e."created_at" < '2026-12-01'::timestamp`;

console.log(
  JSON.stringify(
    {
      plan_events: events,
      org_a_entries: JOBS_A * 5,
      stats_12_months: { p50_ms: stats.p50_ms, max_ms: stats.max_ms, rows: stats.last.total, submissions: stats.last.totals.submissions },
      stats_12_months_line_state: { p50_ms: filtered.p50_ms, max_ms: filtered.max_ms, rows: filtered.last.total },
      stats_90_days: { p50_ms: quarter.p50_ms, max_ms: quarter.max_ms, submissions: quarter.last.totals.submissions },
      observed_loader_one_line: { p50_ms: observed.p50_ms, max_ms: observed.max_ms, carriers: Object.keys(observed.last.figures).length },
      submitted_events_scan: plan.map((r) => r["QUERY PLAN"]).join(" | "),
    },
    null,
    2,
  ),
);
await db.$disconnect();
