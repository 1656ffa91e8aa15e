// Where one job's time goes, one at a time: client POST → 202, then polls every 2 ms until
// completed; the server's own clock (created_at, started_at, completed_at) splits the wait into
// queued (insert → claim) and running (claim → completed). `npx tsx bench/probe.ts [embedded|postgresql] [n]`.
import { cli, percentile, resetPgDatabase, round, startServer } from "./lib";
import { mixedBody, postJob, jobStatus } from "./load";

const db = process.argv[2] === "postgresql" ? "postgresql" : "embedded";
const n = Number(process.argv[3] ?? 60);
const server = await startServer(3317, db === "postgresql" ? { DATABASE_URL: resetPgDatabase("nexio_bench_probe") } : {});
try {
  const key = cli({ DATA_DIR: server.env.DATA_DIR, DATABASE_URL: server.env.DATABASE_URL }, "keys", "create", "--org", "demo");
  const rows: Record<string, number>[] = [];
  for (let i = 0; i < n + 10; i++) {
    const t0 = performance.now();
    const id = await postJob(server.url, key, mixedBody(i));
    const t1 = performance.now();
    let polls = 0;
    let s: Awaited<ReturnType<typeof jobStatus>> & { started_at?: string | null };
    for (;;) {
      polls++;
      s = await jobStatus(server.url, key, id);
      if (s.status === "completed") break;
      await new Promise((r) => setTimeout(r, 2));
    }
    const t2 = performance.now();
    if (i < 10) continue; // warm-up
    const created = Date.parse(s.created_at);
    rows.push({
      total: t2 - t0,
      post: t1 - t0,
      queued: Date.parse(s.started_at!) - created,
      running: Date.parse(s.completed_at!) - Date.parse(s.started_at!),
      polls,
    });
  }
  const col = (k: string) => rows.map((r) => r[k]);
  const out: Record<string, unknown> = { bench: "probe", db, n };
  for (const k of ["total", "post", "queued", "running", "polls"]) out[`${k}_p50`] = round(percentile(col(k), 50));
  console.log(JSON.stringify(out));
} finally {
  await server.stop();
}
