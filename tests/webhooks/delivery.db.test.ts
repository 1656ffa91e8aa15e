import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { ensureDemoPools, newOrg, quiesceQueues, testDb } from "@/tests/setup/db";
import { webhookReceiver } from "@/tests/setup/receiver";
import { createPrisma } from "@/lib/db/client";
import { gzipJson } from "@/lib/jobs/result-codec";
import { resultBody } from "@/lib/jobs/webhook-body";
import { newEvalId } from "@/lib/ids";
import { resetSettingsForTests } from "@/lib/settings";
import { wakeWorkers } from "@/lib/wake";
import { enqueueDelivery } from "@/lib/webhooks/enqueue";
import { rotateWebhookSecret } from "@/lib/webhooks/org-secret";
import { attemptDelivery, claimDueDeliveries, MAX_RETRY_AFTER_SECONDS, nextState } from "@/lib/webhooks/deliver";
import { DeliveryLoop } from "@/lib/webhooks/delivery-loop";
import type { SendWebhookResult } from "@/lib/webhooks/send";

// Durable delivery against a real receiver on 127.0.0.1 and the run's test database. Outcomes are
// awaited by polling the database, never by sleeping a fixed time, and no assertion depends on how
// fast the machine is: a receiver that is down stays down until the test brings it up, a slow one
// answers only after the test is done with it.

type Reply = (res: http.ServerResponse) => void;
const scripts = new Map<string, Reply[]>(); // path → replies to give in order; then 200
const receiver = webhookReceiver((path) => scripts.get(path)?.shift() ?? ((r: http.ServerResponse) => r.writeHead(200).end("thanks")));
let base = "";

const status =
  (code: number, headers: Record<string, string> = {}): Reply =>
  (res) =>
    res.writeHead(code, headers).end(`status ${code}`);
const hitsOn = receiver.hitsOn;

function useSettings(env: Record<string, string>) {
  Object.assign(process.env, env);
  resetSettingsForTests();
}

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 25_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// The embedded test database serves every connection from one PGlite session, and pglite-socket
// 0.2.x interleaves concurrent connections' extended-protocol messages (electric-sql/pglite#1046:
// "bind message supplies 2 parameters, but prepared statement requires 3", or silently wrong
// rows). One connection for this file avoids that; on PostgreSQL the shared pool is used.
const db = process.env.NEXIO_TEST_DB === "pg" ? testDb() : createPrisma(process.env.DATABASE_URL, 1);
const deliveryRow = (id: string) => db.webhookDelivery.findUniqueOrThrow({ where: { id }, include: { attemptLog: { orderBy: { attemptNo: "asc" } } } });
const settled = (id: string) =>
  waitFor(async () => {
    const d = await deliveryRow(id);
    return d.status !== "pending" ? d : null;
  }, `delivery ${id} to settle`);

const CANDIDATES = [{ id: "c1", tier: "STRONG_FIT", name: "Acme Mutual", confidence: "HIGH", scores: { appetite: "L1" }, reasoning: "fits", score: 91 }];

/** A finished job of `orgId` with a webhook_url, and its delivery, committed as the worker would. */
async function finishedJob(orgId: string, url: string, opts: { failed?: boolean; livemode?: boolean } = {}) {
  const pool = await db.pool.findUniqueOrThrow({ where: { key: "carriers:all" } });
  const failed = opts.failed ?? false;
  return db.$transaction(async (tx) => {
    const job = await tx.job.create({
      data: {
        id: newEvalId(),
        organizationId: orgId,
        poolId: pool.id,
        poolVersionId: pool.currentVersionId!,
        poolKey: pool.key,
        profile: { entity: "Harbor Freight LLC" },
        entity: "Harbor Freight LLC",
        webhookUrl: url,
        livemode: opts.livemode ?? true,
        status: failed ? "failed" : "completed",
        completedAt: new Date(),
        ...(failed ? { errorCode: "evaluation_error", errorMessage: "The pool could not be read" } : {}),
      },
    });
    if (!failed) {
      await tx.jobResult.create({
        data: {
          jobId: job.id,
          engineVersion: "test",
          poolSize: 40,
          filtered: 1,
          result: gzipJson({ pool_size: 40, filtered: 1, candidates: CANDIDATES }),
          trace: gzipJson({}),
          timings: {},
        },
      });
    }
    const delivery = await enqueueDelivery(tx, job);
    return { job, delivery: delivery! };
  });
}

let org: Awaited<ReturnType<typeof newOrg>>["org"];
const loops: DeliveryLoop[] = [];
function loop(opts: ConstructorParameters<typeof DeliveryLoop>[1] = {}) {
  const l = new DeliveryLoop(db, { pollMs: 50, ...opts });
  loops.push(l);
  l.start();
  return l;
}

beforeAll(async () => {
  await quiesceQueues();
  await receiver.start();
  base = receiver.base;
  await ensureDemoPools();
  ({ org } = await newOrg("webhooks"));
});
// Deliveries another test left pending must not be picked up by the next test's loops.
const settleLeftovers = () => db.webhookDelivery.updateMany({ where: { status: "pending" }, data: { status: "failed", lastError: "test cleanup" } });
beforeEach(async () => {
  useSettings({ BASE_URL: "http://localhost:3000", WEBHOOK_ALLOW_PRIVATE: "1", WEBHOOK_RETRY_SCHEDULE: "0,0.2,0.2", WEBHOOK_TIMEOUT_MS: "2000" });
  await settleLeftovers();
  receiver.reset();
  scripts.clear();
});
afterEach(async () => {
  await Promise.all(loops.splice(0).map((l) => l.stop(5_000)));
  await settleLeftovers();
});
afterAll(async () => {
  await receiver.stop();
  if (db !== testDb()) await db.$disconnect();
});

describe("delivery loop", () => {
  it("delivers a completed job's result, signed so that standardwebhooks verifies it", async () => {
    loop();
    const before = Date.now();
    const { job, delivery } = await finishedJob(org.id, `${base}/ok`);
    wakeWorkers();
    const d = await settled(delivery.id);
    const after = Date.now();
    expect(d.status).toBe("succeeded");
    expect(d.attemptLog).toMatchObject([{ attemptNo: 1, statusCode: 200, responseExcerpt: "thanks", error: null }]);
    // Stored as UTC: read back, the start lies between the moments before and after (a time zone
    // slip would move it by hours).
    expect(d.attemptLog[0].startedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(d.attemptLog[0].startedAt.getTime()).toBeLessThanOrEqual(after);
    const [hit] = hitsOn("/ok");
    expect(hit.headers["webhook-id"]).toBe(delivery.webhookId);
    const payload = new Webhook(org.webhookSecret!).verify(hit.body, hit.headers);
    expect(payload).toEqual({
      ...resultBody({ ...job, errorCode: null, errorMessage: null }, { pool_size: 40, filtered: 1, candidates: CANDIDATES } as never),
      livemode: true,
    });
    expect(payload).toMatchObject({ eval_id: job.id, status: "completed", filtered: 1 });
  });

  it("retries 500, 500, then 200: three attempts with one webhook-id and the same body", async () => {
    scripts.set("/flaky", [status(500), status(500)]);
    loop();
    const { delivery } = await finishedJob(org.id, `${base}/flaky`);
    wakeWorkers();
    const d = await settled(delivery.id);
    expect(d).toMatchObject({ status: "succeeded", attempts: 3, lastError: null });
    expect(d.attemptLog.map((a) => [a.attemptNo, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    const got = hitsOn("/flaky");
    expect(new Set(got.map((h) => h.headers["webhook-id"]))).toEqual(new Set([delivery.webhookId]));
    expect(new Set(got.map((h) => h.body)).size).toBe(1);
  });

  it("gives up when the schedule runs out", async () => {
    scripts.set("/down", [status(500), status(502), status(503)]);
    loop();
    const { delivery } = await finishedJob(org.id, `${base}/down`);
    wakeWorkers();
    const d = await settled(delivery.id);
    expect(d).toMatchObject({ status: "failed", attempts: 3 });
    expect(d.lastError).toMatch(/HTTP 503.*gave up after 3 attempts/);
  });

  it("keeps the delivery after a refused connection and delivers once the receiver is up", async () => {
    const late = http.createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((r) => late.listen(0, "127.0.0.1", r));
    const port = (late.address() as AddressInfo).port;
    await new Promise((r) => late.close(r)); // closed port: connection refused
    const { delivery } = await finishedJob(org.id, `http://127.0.0.1:${port}/hook`);
    // The first attempt by hand, while the port is closed (no loop racing the reopening).
    const [claimed] = await claimDueDeliveries(db, "owner-a", 1, 5_000);
    expect(await attemptDelivery(db, claimed, "owner-a")).toMatchObject({ outcome: "retry", attemptNo: 1, statusCode: null });
    await new Promise<void>((r) => late.listen(port, "127.0.0.1", r));
    loop();
    try {
      const d = await settled(delivery.id);
      expect(d).toMatchObject({ status: "succeeded", attempts: 2 });
      expect(d.attemptLog[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/connection error/) });
      expect(d.attemptLog[1]).toMatchObject({ statusCode: 204, error: null });
    } finally {
      await new Promise((r) => late.close(r));
    }
  });

  it("stops at 410 Gone", async () => {
    scripts.set("/gone", [status(410)]);
    loop();
    const { delivery } = await finishedJob(org.id, `${base}/gone`);
    wakeWorkers();
    const d = await settled(delivery.id);
    expect(d).toMatchObject({ status: "failed", attempts: 1, leaseOwner: null });
    expect(d.lastError).toMatch(/gone/);
    expect(hitsOn("/gone")).toHaveLength(1);
    expect(await claimDueDeliveries(db, "probe", 100, 1000)).toEqual([]);
  });

  it("signs a failed job's body with status failed and its error (a test key's job says livemode false)", async () => {
    loop();
    const { job, delivery } = await finishedJob(org.id, `${base}/failed-job`, { failed: true, livemode: false });
    wakeWorkers();
    expect((await settled(delivery.id)).status).toBe("succeeded");
    const [hit] = hitsOn("/failed-job");
    expect(new Webhook(org.webhookSecret!).verify(hit.body, hit.headers)).toEqual({
      eval_id: job.id,
      status: "failed",
      error: { code: "evaluation_error", message: "The pool could not be read" },
      audit: expect.stringMatching(new RegExp(`/traces/${job.id}$`)),
      livemode: false,
    });
  });

  it("loses nothing across a restart: a new loop instance resumes the schedule", async () => {
    useSettings({ WEBHOOK_RETRY_SCHEDULE: "0,0.5,0.5" });
    scripts.set("/restart", [status(500)]);
    const first = loop();
    const { delivery } = await finishedJob(org.id, `${base}/restart`);
    wakeWorkers();
    await waitFor(async () => (await deliveryRow(delivery.id)).attempts === 1, "the first attempt");
    expect(await first.stop()).toEqual({ drained: true });
    loop(); // another instance, another owner, as after a restart
    const d = await settled(delivery.id);
    expect(d).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(hitsOn("/restart").map((h) => h.headers["webhook-id"])).toEqual([delivery.webhookId, delivery.webhookId]);
  });

  it("sends again with the same webhook-id after an owner died holding the lease", async () => {
    const { delivery } = await finishedJob(org.id, `${base}/crash`);
    const [claimed] = await claimDueDeliveries(db, "crashed-owner", 1, 300);
    expect(claimed.id).toBe(delivery.id);
    // The crashed owner never records. A live loop must wait for the lease, then deliver.
    const live = loop();
    expect((await claimDueDeliveries(db, "someone-else", 10, 1000)).map((c) => c.id)).not.toContain(delivery.id);
    const d = await settled(delivery.id);
    expect(d).toMatchObject({ status: "succeeded", attempts: 1 });
    expect(hitsOn("/crash").map((h) => h.headers["webhook-id"])).toEqual([delivery.webhookId]);
    expect(live.owner).not.toBe("crashed-owner");
  });

  it("signs with both secrets during a rotation, each signature verifying on its own", async () => {
    const { org: rotating } = await newOrg("rotating");
    const before = rotating.webhookSecret!;
    const { secret: after } = await rotateWebhookSecret(db, rotating.id);
    loop();
    const { delivery } = await finishedJob(rotating.id, `${base}/rotated`);
    wakeWorkers();
    expect((await settled(delivery.id)).status).toBe("succeeded");
    const [hit] = hitsOn("/rotated");
    const signatures = hit.headers["webhook-signature"].split(" ");
    expect(signatures).toHaveLength(2);
    expect(signatures.every((s) => s.startsWith("v1,"))).toBe(true);
    const only = (sig: string) => ({ ...hit.headers, "webhook-signature": sig });
    expect(() => new Webhook(after).verify(hit.body, only(signatures[0]))).not.toThrow();
    expect(() => new Webhook(before).verify(hit.body, only(signatures[1]))).not.toThrow();
    expect(() => new Webhook(before).verify(hit.body, only(signatures[0]))).toThrow();
  });
});

describe("attemptDelivery", () => {
  it("records a timeout when the receiver is slower than WEBHOOK_TIMEOUT_MS", async () => {
    useSettings({ WEBHOOK_TIMEOUT_MS: "300" });
    const held: (() => void)[] = []; // the receiver answers only after the attempt is recorded
    scripts.set("/slow", [(res) => void held.push(() => res.writeHead(200).end("late"))]);
    const { delivery } = await finishedJob(org.id, `${base}/slow`);
    const [claimed] = await claimDueDeliveries(db, "owner-a", 1, 5_000);
    const report = await attemptDelivery(db, claimed, "owner-a");
    expect(report).toMatchObject({ outcome: "retry", attemptNo: 1, statusCode: null, error: expect.stringMatching(/timeout after 300 ms/) });
    const d = await deliveryRow(delivery.id);
    expect(d).toMatchObject({ status: "pending", attempts: 1, leaseOwner: null, leaseExpiresAt: null });
    expect(d.attemptLog).toMatchObject([{ attemptNo: 1, statusCode: null, error: "timeout after 300 ms" }]);
    held.forEach((answer) => answer());
  });

  it("re-checks the address at delivery: a private target is a failed, logged attempt", async () => {
    useSettings({ WEBHOOK_ALLOW_PRIVATE: "0" });
    const { delivery } = await finishedJob(org.id, `https://127.0.0.1:${new URL(base).port}/private`);
    const [claimed] = await claimDueDeliveries(db, "owner-a", 1, 5_000);
    expect(await attemptDelivery(db, claimed, "owner-a")).toMatchObject({ outcome: "retry", statusCode: null, error: expect.stringMatching(/^refused: /) });
    expect((await deliveryRow(delivery.id)).attemptLog).toMatchObject([{ attemptNo: 1, error: expect.stringMatching(/loopback/) }]);
    expect(hitsOn("/private")).toHaveLength(0);
  });

  it("refuses a stale owner's fenced update after another owner took the lease", async () => {
    const { delivery } = await finishedJob(org.id, `${base}/fenced`);
    const [stale] = await claimDueDeliveries(db, "owner-stale", 1, 5_000);
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { leaseExpiresAt: new Date(Date.now() - 1_000) } });
    const [fresh] = await claimDueDeliveries(db, "owner-fresh", 1, 5_000);
    expect(fresh.id).toBe(delivery.id);
    expect(await attemptDelivery(db, stale, "owner-stale")).toMatchObject({ outcome: "stale" });
    expect((await deliveryRow(delivery.id)).attemptLog).toHaveLength(0);
    expect(await attemptDelivery(db, fresh, "owner-fresh")).toMatchObject({ outcome: "succeeded", attemptNo: 1 });
    // A second record of the same claim is refused too: attempts moved on.
    expect(await attemptDelivery(db, fresh, "owner-fresh")).toMatchObject({ outcome: "stale" });
    expect(await deliveryRow(delivery.id)).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  it("honours Retry-After on 429 when it is longer than the schedule", async () => {
    scripts.set("/busy", [status(429, { "retry-after": "30" })]);
    const { delivery } = await finishedJob(org.id, `${base}/busy`);
    const [claimed] = await claimDueDeliveries(db, "owner-a", 1, 5_000);
    const report = await attemptDelivery(db, claimed, "owner-a");
    expect(report.outcome).toBe("retry");
    // 30 s after the attempt started (the schedule alone would say 0.2 s), by the stored times.
    const [attempt] = (await deliveryRow(delivery.id)).attemptLog;
    expect(report.nextAttemptAt!.getTime() - attempt.startedAt.getTime()).toBeGreaterThanOrEqual(30_000);
    expect(await claimDueDeliveries(db, "owner-b", 10, 1000)).not.toContainEqual(expect.objectContaining({ id: delivery.id }));
  });

  it("does not claim a delivery before its next_attempt_at", async () => {
    const { delivery } = await finishedJob(org.id, `${base}/later`);
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: new Date(Date.now() + 60_000) } });
    expect((await claimDueDeliveries(db, "owner-a", 10, 1000)).map((c) => c.id)).not.toContain(delivery.id);
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
    expect((await claimDueDeliveries(db, "owner-a", 10, 1000)).map((c) => c.id)).toContain(delivery.id);
  });
});

describe("nextState", () => {
  const result = (over: Partial<SendWebhookResult>): SendWebhookResult => ({
    ok: false,
    statusCode: 500,
    latencyMs: 1,
    responseExcerpt: "",
    error: "HTTP 500",
    retryAfterSeconds: null,
    gone: false,
    ...over,
  });
  const schedule = [0, 5, 300, 1800];

  it.each([
    ["2xx", result({ ok: true, statusCode: 200, error: null }), 1, "succeeded"],
    ["410", result({ statusCode: 410, gone: true, error: "HTTP 410 (gone)" }), 1, "failed"],
    ["500 with entries left", result({}), 3, "pending"],
    ["500 after the last entry", result({}), 4, "failed"],
  ])("%s → %s", (_name, r, attemptNo, expected) => {
    expect(nextState(r, attemptNo, schedule).status).toBe(expected);
  });

  it("jitters the scheduled delay by at most ±10 % and never below zero", () => {
    for (const rnd of [0, 0.25, 0.5, 0.999]) {
      const { delayMs } = nextState(result({}), 2, schedule, () => rnd);
      expect(delayMs).toBeGreaterThanOrEqual(270_000);
      expect(delayMs).toBeLessThanOrEqual(330_000);
    }
    expect(nextState(result({}), 1, [0, 0], () => 0).delayMs).toBe(0);
  });

  it("takes the larger of schedule and Retry-After, clamped to 24 h", () => {
    expect(nextState(result({ statusCode: 503, retryAfterSeconds: 60 }), 1, schedule, () => 0.5).delayMs).toBe(60_000);
    expect(nextState(result({ statusCode: 429, retryAfterSeconds: 1 }), 2, schedule, () => 0.5).delayMs).toBe(300_000);
    expect(nextState(result({ statusCode: 429, retryAfterSeconds: 10 ** 9 }), 1, schedule).delayMs).toBe(MAX_RETRY_AFTER_SECONDS * 1000);
  });
});
