// Before/after in the same run: `npm start` of another checkout (BENCH_BEFORE_DIR, e.g. a copy of
// main made with `git archive main | tar -x -C /tmp/nexio-main`, node_modules hard-linked and
// lib/generated copied) and of this one, on the same database kind, both up at once and loaded in
// turn (before, after, before, after …) so that the shared machine's drift hits both alike. Per
// round and side:
//   health     GET /api/health from 16 clients for 5 s (the rate to compare with)
//   singles    300 single jobs from 16 clients, submitted and polled to completion (evaluations/s)
//   idle       40 jobs one at a time (client clock from the POST to the GET that says completed,
//              polling every 2 ms)
//   batch      (BENCH_BATCH=1, the default) a 2,000-row CSV batch from upload to every row
//              completed, and meanwhile 40 jobs one at a time (the latency under a batch)
//   BENCH_BEFORE_DIR=/tmp/nexio-main npx tsx bench/before-after.ts [embedded|postgresql] [rounds]
import { cli, percentile, resetPgDatabase, round, startServer } from "./lib";
import { mixedBody, postJob, jobStatus, submitAndWait } from "./load";
import { batchCsv, uploadBatch, waitBatch } from "./batch-lib";
import fs from "node:fs";

const before = process.env.BENCH_BEFORE_DIR;
if (!before) throw new Error("BENCH_BEFORE_DIR is required");
const db = process.argv[2] === "postgresql" ? "postgresql" : "embedded";
const rounds = Number(process.argv[3] ?? 2);
const withBatch = process.env.BENCH_BATCH !== "0";
const BATCH_ROWS = Number(process.env.BENCH_BATCH_ROWS ?? 2000);

/**
 * CPU time (user + system, ms) used so far by the server's processes (next-server, and on the
 * embedded database the launcher that hosts PGlite): the steadier measure on a shared machine,
 * where wall-clock rates move with other people's load. Processes found by their PORT variable.
 */
function serverCpuMs(port: number) {
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/environ`, "utf8").includes(`PORT=${port}\0`)) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // gone
    }
  }
  return (ticks * 1000) / 100; // USER_HZ
}

async function cpuPer<T>(port: number, ops: number, run: () => Promise<T>): Promise<[T, number]> {
  const c0 = serverCpuMs(port);
  const r = await run();
  return [r, (serverCpuMs(port) - c0) / ops];
}

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

async function oneAtATime(url: string, key: string, n: number, stopWhen?: () => boolean) {
  const ms: number[] = [];
  for (let i = 0; i < n && !stopWhen?.(); i++) {
    const t0 = performance.now();
    const id = await postJob(url, key, mixedBody(i));
    for (;;) {
      const s = (await jobStatus(url, key, id)).status;
      if (s === "completed") break;
      if (s === "failed") throw new Error(`job ${id} failed`);
      await new Promise((r) => setTimeout(r, 2));
    }
    ms.push(performance.now() - t0);
  }
  return ms;
}

const sides = [
  { name: "before", cwd: before, port: 3311, pg: "nexio_bench_before" },
  { name: "after", cwd: process.cwd(), port: 3312, pg: "nexio_bench_after" },
];
type Series = "rates" | "ratios" | "latency" | "batchRates" | "batchRatios" | "underBatch" | "cpuHealth" | "cpuSingle" | "cpuRow";
type Side = (typeof sides)[number] & { server: Awaited<ReturnType<typeof startServer>>; key: string } & Record<Series, number[]>;
const servers: Side[] = [];
// Stopped in `finally`, also when starting the second one fails.
const started: { stop(): Promise<void> }[] = [];
try {
  for (const s of sides) {
    const server = await startServer(s.port, db === "postgresql" ? { DATABASE_URL: resetPgDatabase(s.pg) } : {}, s.cwd);
    started.push(server);
    const key = cli({ DATA_DIR: server.env.DATA_DIR, DATABASE_URL: server.env.DATABASE_URL }, "keys", "create", "--org", "demo");
    await submitAndWait(server.url, key, 40, 4);
    servers.push({
      ...s,
      server,
      key,
      rates: [] as number[],
      ratios: [] as number[],
      latency: [] as number[],
      batchRates: [] as number[],
      batchRatios: [] as number[],
      underBatch: [] as number[],
      cpuHealth: [] as number[],
      cpuSingle: [] as number[],
      cpuRow: [] as number[],
    });
  }
  for (let round_ = 0; round_ < rounds; round_++) {
    for (const s of servers) {
      const c0 = serverCpuMs(s.port);
      const health = await healthRate(s.server.url, 5);
      s.cpuHealth.push((serverCpuMs(s.port) - c0) / (health * 5));
      const [r, cpuSingle] = await cpuPer(s.port, 300, () => submitAndWait(s.server.url, s.key, 300, 16));
      s.cpuSingle.push(cpuSingle);
      s.rates.push(r.evaluations_per_s);
      s.ratios.push(r.evaluations_per_s / health);
      s.latency.push(...(await oneAtATime(s.server.url, s.key, 40)));
      let line = `${s.name} round ${round_ + 1}: health ${round(health)} req/s, ${r.evaluations_per_s} evaluations/s`;
      if (withBatch) {
        const t0 = performance.now();
        const c1 = serverCpuMs(s.port);
        const id = await uploadBatch(s.server.url, s.key, batchCsv(BATCH_ROWS, `r${round_}`));
        let done = false;
        const wait = waitBatch(s.server.url, s.key, id).then(() => (done = true));
        // Single jobs while the batch runs (stops early if the batch finishes first).
        s.underBatch.push(...(await oneAtATime(s.server.url, s.key, 40, () => done)));
        await wait;
        s.cpuRow.push((serverCpuMs(s.port) - c1) / BATCH_ROWS); // includes the single jobs run meanwhile
        const rate = BATCH_ROWS / ((performance.now() - t0) / 1000);
        s.batchRates.push(round(rate));
        s.batchRatios.push(rate / health);
        line += `, batch ${round(rate)} rows/s`;
      }
      console.error(line);
    }
  }
  for (const s of servers) {
    const idleP50 = percentile(s.latency, 50);
    console.log(
      JSON.stringify({
        bench: "compare",
        db,
        side: s.name,
        evaluations_per_s: s.rates,
        ratio_to_health: s.ratios.map((x) => round(x, 2)),
        latency_p50_ms: round(idleP50),
        latency_p90_ms: round(percentile(s.latency, 90)),
        n: s.latency.length,
        server_cpu_ms_per_health_request: s.cpuHealth.map((x) => round(x, 2)),
        server_cpu_ms_per_single_job: s.cpuSingle.map((x) => round(x, 2)),
        ...(withBatch ? { server_cpu_ms_per_batch_row: s.cpuRow.map((x) => round(x, 2)) } : {}),
        ...(withBatch
          ? {
              batch_rows: BATCH_ROWS,
              batch_rows_per_s: s.batchRates,
              batch_ratio_to_health: s.batchRatios.map((x) => round(x, 2)),
              under_batch_p50_ms: round(percentile(s.underBatch, 50)),
              under_batch_p90_ms: round(percentile(s.underBatch, 90)),
              under_batch_n: s.underBatch.length,
              under_batch_ratio_p50: round(percentile(s.underBatch, 50) / idleP50, 2),
            }
          : {}),
      }),
    );
  }
} finally {
  for (const server of started) await server.stop();
}
