// Before/after in the same run: `npm start` of another checkout (BENCH_BEFORE_DIR, e.g. a copy of
// main made with `git archive main | tar -x -C /tmp/nexio-main` and node_modules hard-linked) and
// of this one, on the same database kind, both up at once and loaded in turn (before, after,
// before, after) so that the shared machine's drift hits both alike. Per round: 300 single jobs
// from 16 clients (evaluations/s, and the health route's rate right before), then 40 jobs one at
// a time (client clock, polling every 2 ms).
//   BENCH_BEFORE_DIR=/tmp/nexio-main npx tsx bench/before-after.ts [embedded|postgresql]
import { cli, percentile, resetPgDatabase, round, startServer } from "./lib";
import { mixedBody, postJob, jobStatus, submitAndWait } from "./load";

const before = process.env.BENCH_BEFORE_DIR;
if (!before) throw new Error("BENCH_BEFORE_DIR is required");
const db = process.argv[2] === "postgresql" ? "postgresql" : "embedded";

async function healthRate(url: string, seconds: number, clients = 16) {
  let n = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const r = await fetch(`${url}/api/health`);
        await r.arrayBuffer();
        if (r.ok) n++;
      }
    }),
  );
  return n / seconds;
}

async function oneAtATime(url: string, key: string, n: number) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const id = await postJob(url, key, mixedBody(i));
    while ((await jobStatus(url, key, id)).status !== "completed") await new Promise((r) => setTimeout(r, 2));
    ms.push(performance.now() - t0);
  }
  return ms;
}

const sides = [
  { name: "before", cwd: before, port: 3311, pg: "nexio_bench_before" },
  { name: "after", cwd: process.cwd(), port: 3312, pg: "nexio_bench_after" },
];
const servers = [];
for (const s of sides) {
  const server = await startServer(s.port, db === "postgresql" ? { DATABASE_URL: resetPgDatabase(s.pg) } : {}, s.cwd);
  const key = cli({ DATA_DIR: server.env.DATA_DIR, DATABASE_URL: server.env.DATABASE_URL }, "keys", "create", "--org", "demo");
  await submitAndWait(server.url, key, 40, 4);
  servers.push({ ...s, server, key, rates: [] as number[], ratios: [] as number[], latency: [] as number[] });
}
try {
  for (let round_ = 0; round_ < 2; round_++) {
    for (const s of servers) {
      const health = await healthRate(s.server.url, 5);
      const r = await submitAndWait(s.server.url, s.key, 300, 16);
      s.rates.push(r.evaluations_per_s);
      s.ratios.push(r.evaluations_per_s / health);
      s.latency.push(...(await oneAtATime(s.server.url, s.key, 40)));
      console.error(`${s.name} round ${round_ + 1}: health ${round(health)} req/s, ${r.evaluations_per_s} evaluations/s`);
    }
  }
  for (const s of servers) {
    console.log(
      JSON.stringify({
        bench: "compare",
        db,
        side: s.name,
        evaluations_per_s: s.rates,
        ratio_to_health: s.ratios.map((x) => round(x, 2)),
        latency_p50_ms: round(percentile(s.latency, 50)),
        latency_p90_ms: round(percentile(s.latency, 90)),
        n: s.latency.length,
      }),
    );
  }
} finally {
  for (const s of servers) await s.server.stop();
}
