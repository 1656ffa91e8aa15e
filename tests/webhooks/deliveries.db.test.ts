import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureDemoPools, newOrg, quiesceQueues, testDb } from "@/tests/setup/db";
import { webhookReceiver } from "@/tests/setup/receiver";
import { disconnectPrisma } from "@/lib/db/client";
import { gzipJson } from "@/lib/jobs/result-codec";
import { newEvalId } from "@/lib/ids";
import { resetSettingsForTests } from "@/lib/settings";
import { enqueueDelivery } from "@/lib/webhooks/enqueue";
import { listDeliveries, listWebhookDeliveries } from "@/lib/webhooks/deliveries";
import { DeliveryListResponse, Delivery, WebhookDelivery } from "@/lib/webhooks/schemas";
import { DeliveryLoop } from "@/lib/webhooks/delivery-loop";
import * as route from "@/app/api/v1/jobs/[evalId]/deliveries/route";

// GET/POST /api/v1/jobs/{eval_id}/deliveries through the route handlers (X-API-Key), and the
// organization-wide list the dashboard and GET /api/v1/webhook-deliveries read (more in
// tests/api/webhook-deliveries.db.test.ts). Responses are checked against the routes' zod schemas.

const receiver = webhookReceiver(() => (res) => res.writeHead(200).end("ok"));
const hits = receiver.hits;
let url = "";

// The route handlers' prisma() is the same client as the tests'.
const db = testDb();
globalThis.__nexioPrisma = db;
let alice: Awaited<ReturnType<typeof newOrg>>;
let bob: Awaited<ReturnType<typeof newOrg>>;
let loop: DeliveryLoop | undefined;

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function job(orgId: string, opts: { status?: "queued" | "completed" | "failed"; webhookUrl?: string | null } = {}) {
  const pool = await db.pool.findUniqueOrThrow({ where: { key: "carriers:all" } });
  const status = opts.status ?? "completed";
  const webhookUrl = opts.webhookUrl === undefined ? url : opts.webhookUrl;
  return db.$transaction(async (tx) => {
    const j = await tx.job.create({
      data: {
        id: newEvalId(),
        organizationId: orgId,
        poolId: pool.id,
        poolVersionId: pool.currentVersionId!,
        poolKey: pool.key,
        profile: { entity: "Blue Ridge Haulers" },
        entity: "Blue Ridge Haulers",
        webhookUrl,
        status,
        completedAt: status === "queued" ? null : new Date(),
      },
    });
    if (status === "completed") {
      await tx.jobResult.create({
        data: {
          jobId: j.id,
          engineVersion: "test",
          poolSize: 1,
          filtered: 0,
          result: gzipJson({ pool_size: 1, filtered: 0, candidates: [] }),
          trace: gzipJson({}),
          timings: {},
        },
      });
    }
    const delivery = status === "queued" ? null : await enqueueDelivery(tx, j);
    return { job: j, delivery };
  });
}

const call = (method: "GET" | "POST" | "PUT", evalId: string, key: string) => {
  const req = new Request(`http://localhost/api/v1/jobs/${evalId}/deliveries`, { method, headers: { "x-api-key": key } });
  const handler = route[method] as (req: Request, ctx: { params: Promise<{ evalId: string }> }) => Promise<Response>;
  return handler(req, { params: Promise.resolve({ evalId }) });
};

beforeAll(async () => {
  await quiesceQueues();
  Object.assign(process.env, { BASE_URL: "http://localhost:3000", WEBHOOK_ALLOW_PRIVATE: "1", WEBHOOK_RETRY_SCHEDULE: "0,0.2", WEBHOOK_TIMEOUT_MS: "2000" });
  resetSettingsForTests();
  await receiver.start();
  url = `${receiver.base}/hook`;
  await ensureDemoPools();
  alice = await newOrg("alice");
  bob = await newOrg("bob");
});
afterEach(async () => {
  await loop?.stop(5_000);
  loop = undefined;
  await db.webhookDelivery.updateMany({ where: { status: "pending" }, data: { status: "failed", lastError: "test cleanup" } });
});
afterAll(async () => {
  await receiver.stop();
  await disconnectPrisma();
});

describe("GET /api/v1/jobs/{eval_id}/deliveries", () => {
  it("lists each delivery with its attempt log", async () => {
    const { job: j, delivery } = await job(alice.org.id);
    loop = new DeliveryLoop(db, { pollMs: 50 });
    loop.start();
    await waitFor(async () => (await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } })).status === "succeeded", "the delivery");

    const res = await call("GET", j.id, alice.key);
    expect(res.status).toBe(200);
    const body = DeliveryListResponse.parse(await res.json());
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      id: delivery!.id,
      webhook_id: delivery!.webhookId,
      url,
      status: "succeeded",
      attempts: 1,
      next_attempt_at: null,
      manual: false,
      last_error: null,
    });
    expect(body.data[0].attempt_log).toEqual([
      { attempt: 1, at: expect.any(String), status_code: 200, latency_ms: expect.any(Number), response_excerpt: "ok", error: null },
    ]);
  });

  it("shows a pending delivery with its next attempt time", async () => {
    const { job: j } = await job(alice.org.id);
    const body = DeliveryListResponse.parse(await (await call("GET", j.id, alice.key)).json());
    expect(body.data[0]).toMatchObject({ status: "pending", attempts: 0, attempt_log: [] });
    expect(Date.parse(body.data[0].next_attempt_at!)).not.toBeNaN();
  });

  it.each([
    ["another organization's job", async () => (await job(bob.org.id)).job.id],
    ["an unknown eval_id", async () => newEvalId()],
    ["a malformed eval_id", async () => "not-an-eval-id"],
  ])("answers 404 for %s", async (_name, evalId) => {
    const id = await evalId();
    for (const method of ["GET", "POST"] as const) {
      const res = await call(method, id, alice.key);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: "not_found", message: "Job not found" } });
    }
  });

  it("listDeliveries refuses another organization's job", async () => {
    const { job: j } = await job(bob.org.id);
    await expect(listDeliveries(db, alice.org.id, j.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers 401 without a key and 405 for other methods", async () => {
    const { job: j } = await job(alice.org.id);
    const res = await route.GET(new Request(`http://localhost/api/v1/jobs/${j.id}/deliveries`), { params: Promise.resolve({ evalId: j.id }) });
    expect(res.status).toBe(401);
    const put = await call("PUT", j.id, alice.key);
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
  });
});

describe("POST /api/v1/jobs/{eval_id}/deliveries", () => {
  it("redelivers with a new webhook-id and the same body", async () => {
    const { job: j, delivery } = await job(alice.org.id);
    loop = new DeliveryLoop(db, { pollMs: 50 });
    loop.start();
    await waitFor(async () => hits.find((h) => h.headers["webhook-id"] === delivery!.webhookId), "the first delivery");

    const res = await call("POST", j.id, alice.key);
    expect(res.status).toBe(202);
    const manual = Delivery.parse(await res.json());
    expect(manual).toMatchObject({ manual: true, status: "pending", attempts: 0, url, attempt_log: [] });
    expect(manual.webhook_id).not.toBe(delivery!.webhookId);

    const second = await waitFor(async () => hits.find((h) => h.headers["webhook-id"] === manual.webhook_id), "the redelivery");
    const first = hits.find((h) => h.headers["webhook-id"] === delivery!.webhookId)!;
    expect(second.body).toBe(first.body);
    const list = DeliveryListResponse.parse(await (await call("GET", j.id, alice.key)).json());
    expect(list.data.map((d) => d.manual)).toEqual([false, true]);
  });

  it("redelivers a failed job", async () => {
    const { job: j } = await job(alice.org.id, { status: "failed" });
    const res = await call("POST", j.id, alice.key);
    expect(res.status).toBe(202);
    expect(Delivery.parse(await res.json()).manual).toBe(true);
  });

  it.each([
    ["a job that is not finished", { status: "queued" as const }, /is queued/],
    ["a job without webhook_url", { webhookUrl: null }, /no webhook_url/],
  ])("answers 400 for %s", async (_name, opts, message) => {
    const { job: j } = await job(alice.org.id, opts);
    const res = await call("POST", j.id, alice.key);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(message);
    expect(await db.webhookDelivery.count({ where: { jobId: j.id } })).toBe(0);
  });
});

describe("listWebhookDeliveries", () => {
  it("returns the organization's deliveries newest first with eval_id, filtered by status", async () => {
    const { org } = await newOrg("recent");
    const a = await job(org.id);
    const b = await job(org.id, { status: "failed" });
    await db.webhookDelivery.update({
      where: { id: a.delivery!.id },
      data: { status: "failed", attempts: 1, lastError: "HTTP 500", createdAt: new Date(Date.now() - 1_000) },
    });
    await job(bob.org.id);

    const all = await listWebhookDeliveries(db, org.id, { limit: 10 });
    expect(all.data.map((d) => WebhookDelivery.parse(d).eval_id)).toEqual([b.job.id, a.job.id]);
    const failed = await listWebhookDeliveries(db, org.id, { limit: 10, status: "failed" });
    expect(failed.data).toMatchObject([{ eval_id: a.job.id, last_error: "HTTP 500", last_attempt: null }]);
    expect((await listWebhookDeliveries(db, org.id, { limit: 1 })).data).toHaveLength(1);
  });
});
