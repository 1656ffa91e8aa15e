// Issue #14's figures, in one run per database against `npm start` (evaluator in the web process):
//   health     GET /api/health from 16 clients for 8 s: the request rate to compare with
//   singles    600 single jobs (5 states × 4 lines) from 16 clients, submitted and polled to completion
//   batch      one 5,000-row CSV batch: upload → every row completed (GET /api/v1/batches/{id})
//   latency    submit → completed, one job at a time, client clock, polling every 2 ms (idle)
//   under load the same while a second 5,000-row batch runs (p50 ≤ 3× idle is the target)
//   memory     a 10,000-row batch uploaded and evaluated; peak RSS of the server processes (VmHWM)
//              (BENCH_ONLY=memory runs this phase alone)
// `npx tsx bench/batch.ts [embedded|postgresql …]` (default both); prints JSON lines. Against a
// build without batches (BENCH_NO_BATCHES=1, e.g. an older main for the "before" figures) only the
// health, singles and idle latency phases run.
import fs from "node:fs";
import { cli, percentile, resetPgDatabase, round, startServer } from "./lib";
import { mixedBody, postJob, jobStatus, submitAndWait } from "./load";
import { batchCsv as csv, batchState, uploadBatch, waitBatch } from "./batch-lib";

const which = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const dbs = which.length ? which : ["embedded", "postgresql"];
const report = (r: object) => console.log(JSON.stringify(r));

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
  return round(n / seconds);
}

async function oneAtATime(url: string, key: string, n: number, stopWhen?: () => boolean) {
  const client: number[] = [];
  for (let i = 0; i < n && !stopWhen?.(); i++) {
    const t0 = performance.now();
    const id = await postJob(url, key, mixedBody(i));
    for (;;) {
      const s = (await jobStatus(url, key, id)).status;
      if (s === "completed") break;
      if (s === "failed") throw new Error(`job ${id} failed`);
      await new Promise((r) => setTimeout(r, 2));
    }
    client.push(performance.now() - t0);
  }
  return { n: client.length, p50_ms: round(percentile(client, 50)), p90_ms: round(percentile(client, 90)), p99_ms: round(percentile(client, 99)) };
}

/** Peak resident memory (VmHWM) of every process of the server's tree, in MiB. */
function peakRss(port: number) {
  const out: Record<string, number> = {};
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const env = fs.readFileSync(`/proc/${pid}/environ`, "utf8");
      if (!env.includes(`PORT=${port}\0`)) continue;
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const name = status.match(/^Name:\s+(.*)$/m)![1];
      const hwm = Number(status.match(/^VmHWM:\s+(\d+)/m)?.[1] ?? 0) / 1024;
      if (hwm > 50) out[`${name}:${pid}`] = round(hwm);
    } catch {
      // gone
    }
  }
  return out;
}

for (const db of dbs) {
  const port = db === "postgresql" ? 3308 : 3307;
  const server = await startServer(port, db === "postgresql" ? { DATABASE_URL: resetPgDatabase("nexio_bench_batch") } : {});
  try {
    const key = cli({ DATA_DIR: server.env.DATA_DIR, DATABASE_URL: server.env.DATABASE_URL }, "keys", "create", "--org", "demo");
    await submitAndWait(server.url, key, 40, 4); // warm-up
    await healthRate(server.url, 2);

    // BENCH_ONLY=memory: only the 10,000-row batch and the peak memory.
    if (process.env.BENCH_ONLY !== "memory") {
      const health = await healthRate(server.url, 8);
      const singles = await submitAndWait(server.url, key, 600, 16);
      if (process.env.BENCH_NO_BATCHES === "1") {
        const health2 = await healthRate(server.url, 8);
        report({
          bench: "throughput",
          db,
          health_rps: [health, health2],
          singles_per_s: singles.evaluations_per_s,
          singles_ratio: round(singles.evaluations_per_s / ((health + health2) / 2), 2),
        });
        report({ bench: "latency", db, idle: await oneAtATime(server.url, key, 100) });
        continue;
      }
      const t0 = performance.now();
      const batchId = await uploadBatch(server.url, key, csv(5000, "bench"));
      const uploaded = performance.now();
      await waitBatch(server.url, key, batchId);
      const batchS = (performance.now() - t0) / 1000;
      const health2 = await healthRate(server.url, 8);
      const healthMean = (health + health2) / 2;
      report({
        bench: "throughput",
        db,
        health_rps: [health, health2],
        singles_per_s: singles.evaluations_per_s,
        singles_ratio: round(singles.evaluations_per_s / healthMean, 2),
        batch_rows: 5000,
        batch_upload_s: round((uploaded - t0) / 1000, 2),
        batch_s: round(batchS, 1),
        batch_per_s: round(5000 / batchS),
        batch_ratio: round(5000 / batchS / healthMean, 2),
      });

      const idle = await oneAtATime(server.url, key, 100);
      const loadId = await uploadBatch(server.url, key, csv(5000, "load"));
      let loadDone = false;
      const loadWait = waitBatch(server.url, key, loadId).then(() => (loadDone = true));
      const busy = await oneAtATime(server.url, key, 100, () => loadDone);
      const loadState = await batchState(server.url, key, loadId);
      await loadWait;
      report({
        bench: "latency",
        db,
        idle,
        under_batch: busy,
        ratio_p50: round(busy.p50_ms / idle.p50_ms, 2),
        batch_rows_done_when_measure_ended: (loadState.counts.completed ?? 0) + (loadState.counts.failed ?? 0),
      });
    }
    const big = csv(10_000, "big");
    const t1 = performance.now();
    const bigId = await uploadBatch(server.url, key, big);
    await waitBatch(server.url, key, bigId);
    report({
      bench: "memory",
      db,
      rows: 10_000,
      upload_mib: round(big.length / 1024 / 1024, 2),
      seconds: round((performance.now() - t1) / 1000, 1),
      peak_rss_mib: peakRss(port),
    });
  } finally {
    await server.stop();
  }
}
