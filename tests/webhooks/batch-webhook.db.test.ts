import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { newOrg, quiesceQueues, testDb } from "@/tests/setup/db";
import { webhookReceiver } from "@/tests/setup/receiver";
import { createPrisma } from "@/lib/db/client";
import { resetSettingsForTests } from "@/lib/settings";
import { createBatch } from "@/lib/batches/create";
import { BatchCompletedEvent } from "@/lib/batches/schemas";
import { batchCompletedEvent, batchEventSelect } from "@/lib/batches/webhook-body";
import { claimJobs, completeJobs, failJob } from "@/lib/worker/queue";
import { evaluateJob } from "@/lib/worker/evaluate-job";
import { DeliveryLoop } from "@/lib/webhooks/delivery-loop";

// The one signed batch.completed webhook: enqueued by the write that finishes the batch's last row
// (not before, not twice), signed like every delivery, retried on the same schedule; per-row
// webhooks only when asked for.

type Reply = (res: http.ServerResponse) => void;
const scripts = new Map<string, Reply[]>();
const receiver = webhookReceiver((path) => scripts.get(path)?.shift() ?? ((r: http.ServerResponse) => r.writeHead(200).end("ok")));
const status =
  (code: number): Reply =>
  (res) =>
    res.writeHead(code).end(`status ${code}`);

// One connection on the embedded database (see tests/webhooks/delivery.db.test.ts).
const db = process.env.NEXIO_TEST_DB === "pg" ? testDb() : createPrisma(process.env.DATABASE_URL, 1);
let org: Awaited<ReturnType<typeof newOrg>>["org"];
let loop: DeliveryLoop | undefined;

beforeAll(async () => {
  Object.assign(process.env, {
    BASE_URL: "http://localhost:3000",
    WEBHOOK_ALLOW_PRIVATE: "1",
    WEBHOOK_RETRY_SCHEDULE: "0,0.2,0.2",
    WEBHOOK_TIMEOUT_MS: "2000",
  });
  resetSettingsForTests();
  await receiver.start();
  ({ org } = await newOrg("batch-hook"));
});
afterAll(async () => {
  await loop?.stop(5_000);
  await receiver.stop();
  if (db !== testDb()) await db.$disconnect();
});

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function batchOf(rows: number, query: Record<string, string | boolean>) {
  const csv = ["entity,state,line,revenue", ...Array.from({ length: rows }, (_, i) => `hook-${i},CA,cyber,${1_000_000 + i}`)].join("\n");
  const { body } = await createBatch(
    db,
    { organizationId: org.id, via: "api_key" },
    { pool: "carriers:all", ...query } as never,
    { format: "csv", body: new Blob([csv]).stream() },
    null,
  );
  return body;
}

describe("batch.completed webhook", () => {
  it("is enqueued once, by the write that finishes the last row, signed, and retried after a 500", async () => {
    await quiesceQueues();
    scripts.set("/batch", [status(500)]);
    const b = await batchOf(3, { webhook_url: `${receiver.base}/batch` });
    const deliveriesOfBatch = () => db.webhookDelivery.findMany({ where: { batchId: b.batch_id }, include: { attemptLog: true } });

    // Two rows finish (one completed, one failed): no delivery yet.
    const [first, second] = await claimJobs(db, "w", 2, 30_000);
    await completeJobs(db, "w", [{ job: first, outcome: await evaluateJob(db, first) }]);
    await failJob(db, second, "w", { code: "invalid_profile", message: "bad", permanent: true });
    expect(await deliveriesOfBatch()).toHaveLength(0);
    // No per-row deliveries without job_webhooks.
    expect(await db.webhookDelivery.count({ where: { jobId: { in: [first.id, second.id] } } })).toBe(0);

    // The last row: exactly one delivery, for the batch.
    const [last] = await claimJobs(db, "w", 5, 30_000);
    await completeJobs(db, "w", [{ job: last, outcome: await evaluateJob(db, last) }]);
    const [delivery] = await deliveriesOfBatch();
    expect(await deliveriesOfBatch()).toHaveLength(1);
    expect(delivery).toMatchObject({ jobId: null, url: `${receiver.base}/batch`, status: "pending" });

    loop = new DeliveryLoop(db, { pollMs: 50 });
    loop.start();
    const settled = await waitFor(async () => {
      const [d] = await deliveriesOfBatch();
      return d.status !== "pending" ? d : null;
    }, "the batch delivery to settle");
    expect(settled.status).toBe("succeeded");
    expect(settled.attemptLog.map((a) => a.statusCode).sort()).toEqual([200, 500]);

    const hits = receiver.hitsOn("/batch");
    expect(hits).toHaveLength(2);
    expect(hits[0].headers["webhook-id"]).toBe(delivery.webhookId);
    expect(hits[1].headers["webhook-id"]).toBe(delivery.webhookId);
    expect(hits[1].body).toBe(hits[0].body);
    const payload = BatchCompletedEvent.parse(new Webhook(org.webhookSecret!).verify(hits[1].body, hits[1].headers));
    expect(payload).toMatchObject({
      type: "batch.completed",
      batch_id: b.batch_id,
      total: 3,
      completed: 2,
      failed: 1,
      skipped: 0,
      pool: "carriers:all",
      livemode: true,
    });
    expect(payload.results_url).toMatch(new RegExp(`/api/v1/batches/${b.batch_id}/results$`));
    // A signature made with another secret does not verify.
    expect(() => new Webhook(`whsec_${Buffer.from("not the secret").toString("base64")}`).verify(hits[1].body, hits[1].headers)).toThrow();
  });

  it("says whether the batch was a test key's, as jobs do (livemode)", async () => {
    const csv = "entity,state,line,revenue\ntest-mode,CA,cyber,1000000";
    const { body } = await createBatch(
      db,
      { organizationId: org.id, via: "api_key", keyMode: "test" },
      { pool: "carriers:all" } as never,
      { format: "csv", body: new Blob([csv]).stream() },
      null,
    );
    const row = await db.batch.findUniqueOrThrow({ where: { id: body.batch_id }, select: batchEventSelect });
    expect(BatchCompletedEvent.parse(batchCompletedEvent(row)).livemode).toBe(false);
    await db.job.updateMany({ where: { batchId: body.batch_id }, data: { status: "failed" } }); // not left for other tests' workers
  });

  it("with job_webhooks=true each row also sends its own webhook", async () => {
    await quiesceQueues();
    const b = await batchOf(2, { webhook_url: `${receiver.base}/rows`, job_webhooks: true });
    const jobs = await claimJobs(db, "w", 5, 30_000);
    expect(jobs.map((j) => j.webhookUrl)).toEqual([`${receiver.base}/rows`, `${receiver.base}/rows`]);
    await completeJobs(db, "w", await Promise.all(jobs.map(async (job) => ({ job, outcome: await evaluateJob(db, job) }))));
    expect(await db.webhookDelivery.count({ where: { jobId: { in: jobs.map((j) => j.id) } } })).toBe(2);
    expect(await db.webhookDelivery.count({ where: { batchId: b.batch_id } })).toBe(1);
  });
});
