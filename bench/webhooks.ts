// npx tsx bench/webhooks.ts – job completion → first webhook attempt latency, printed as one JSON line.
//
// Each sample commits a completed job, its result and its delivery row in one transaction (as the
// worker does), calls wakeWorkers(), and stops the clock when a local receiver on 127.0.0.1 has
// the whole request. Phases: one at a time with the loop idle in between (pure latency), a burst committed back to back (queueing
// behind the loop's concurrency), and a few without the nudge (what polling alone gives).
// Uses a throwaway embedded database unless BENCH_DATABASE_URL names a PostgreSQL test database.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";

process.env.WEBHOOK_ALLOW_PRIVATE = "1"; // the receiver is on loopback

const N = Number(process.env.BENCH_DELIVERIES ?? 250);
const POLL_ONLY = Math.max(20, Math.round(N / 5));
const WARMUP = 10;

const { openEmbedded } = await import("@/lib/db/embedded");
const { migrate } = await import("@/lib/db/migrate");
const { createPrisma } = await import("@/lib/db/client");
const { createOrganization } = await import("@/lib/orgs/organizations");
const { gzipJson } = await import("@/lib/jobs/result-codec");
const { newEvalId, newId, randomBase62 } = await import("@/lib/ids");
const { wakeWorkers } = await import("@/lib/wake");
const { enqueueDelivery } = await import("@/lib/webhooks/enqueue");
const { DeliveryLoop } = await import("@/lib/webhooks/delivery-loop");

const dir = process.env.BENCH_DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), "nexio-bench-webhooks-"));
const embedded = dir ? await openEmbedded(dir) : null;
const url = embedded?.url ?? process.env.BENCH_DATABASE_URL!;
await migrate(url);
const db = createPrisma(url); // the same pool size as a Nexio process

// Arrivals, keyed by webhook-id.
const arrivals = new Map<string, number>();
const waiters = new Map<string, (t: number) => void>();
const hits = new Map<string, number>();
const receiver = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const t = performance.now();
    const id = String(req.headers["webhook-id"]);
    hits.set(id, (hits.get(id) ?? 0) + 1);
    if (!arrivals.has(id)) arrivals.set(id, t);
    waiters.get(id)?.(t);
    res.writeHead(204).end();
  });
});
await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const org = await createOrganization(db, `bench-${randomBase62(8).toLowerCase()}`, "Webhook bench");
const pool = await db.pool.create({ data: { id: newId("pool"), key: `bench:${randomBase62(8)}`, domain: "carriers", name: "Bench" } });
const version = await db.poolVersion.create({ data: { id: newId("pv"), poolId: pool.id, version: 1, size: 0, checksum: "bench", candidates: [] } });
await db.pool.update({ where: { id: pool.id }, data: { currentVersionId: version.id } });
const result = gzipJson({ pool_size: 40, filtered: 3, candidates: [] });

/** Commits a finished job and its delivery; returns the webhook-id and the commit time. */
async function completeJob(): Promise<{ webhookId: string; committedAt: number }> {
  const delivery = await db.$transaction(async (tx) => {
    const job = await tx.job.create({
      data: {
        id: newEvalId(),
        organizationId: org.id,
        poolId: pool.id,
        poolVersionId: version.id,
        poolKey: pool.key,
        profile: { entity: "Bench Co" },
        entity: "Bench Co",
        webhookUrl: hookUrl,
        status: "completed",
        completedAt: new Date(),
      },
    });
    await tx.jobResult.create({ data: { jobId: job.id, engineVersion: "bench", poolSize: 40, filtered: 3, result, trace: gzipJson({}), timings: {} } });
    return (await enqueueDelivery(tx, job))!;
  });
  return { webhookId: delivery.webhookId, committedAt: performance.now() };
}

function arrival(webhookId: string, timeoutMs = 30_000): Promise<number> {
  const seen = arrivals.get(webhookId);
  if (seen !== undefined) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no delivery of ${webhookId} within ${timeoutMs} ms`)), timeoutMs);
    waiters.set(webhookId, (t) => (clearTimeout(timer), waiters.delete(webhookId), resolve(t)));
  });
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: s.length, p50_ms: r(q(50)), p90_ms: r(q(90)), p99_ms: r(q(99)), max_ms: r(s.at(-1)!), mean_ms: r(s.reduce((a, b) => a + b, 0) / s.length) };
}

async function sequential(n: number, wake: boolean) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    // Let the loop go idle, at a phase unrelated to its poll timer, as when a job finishes.
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 250));
    const { webhookId, committedAt } = await completeJob();
    if (wake) wakeWorkers();
    samples.push((await arrival(webhookId)) - committedAt);
  }
  return samples;
}

async function burst(n: number) {
  const started = performance.now();
  const sent: { webhookId: string; committedAt: number }[] = [];
  for (let i = 0; i < n; i++) {
    sent.push(await completeJob());
    wakeWorkers();
  }
  const times = await Promise.all(sent.map((s) => arrival(s.webhookId)));
  const samples = times.map((t, i) => t - sent[i].committedAt);
  return { samples, seconds: (Math.max(...times) - started) / 1000 };
}

const loop = new DeliveryLoop(db);
loop.start();
try {
  await sequential(WARMUP, true);
  const seq = await sequential(N, true);
  const b = await burst(N);
  const pollOnly = await sequential(POLL_ONLY, false);

  await new Promise((r) => setTimeout(r, 500)); // let any duplicate arrive before counting
  const statuses = await db.webhookDelivery.groupBy({ by: ["status"], where: { organizationId: org.id }, _count: true });
  console.log(
    JSON.stringify({
      bench: "webhook delivery: job completion committed + wakeWorkers() → receiver has the request",
      database: embedded ? "embedded PGlite (pglite-socket, same process)" : "PostgreSQL (BENCH_DATABASE_URL)",
      node: process.version,
      cpus: os.cpus().length,
      loop: { pollMs: 250, concurrency: 4 },
      sequential_with_wake: stats(seq),
      burst_with_wake: { ...stats(b.samples), deliveries_per_s: Math.round((N / b.seconds) * 10) / 10 },
      sequential_poll_only: stats(pollOnly),
      deliveries: Object.fromEntries(statuses.map((s) => [s.status, s._count])),
      duplicates: [...hits.values()].filter((c) => c > 1).length,
    }),
  );
} finally {
  await loop.stop();
  receiver.close();
  await db.$disconnect();
  await embedded?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
