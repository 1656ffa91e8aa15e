import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { newOrg, newUser, quiesceQueues, testDb } from "@/tests/setup/db";
import { call, expectError, parsed } from "@/tests/api/helpers";
import { webhookReceiver } from "@/tests/setup/receiver";
import { auth } from "@/lib/auth/auth";
import { newEvalId, newId } from "@/lib/ids";
import { resetSettingsForTests } from "@/lib/settings";
import { newWebhookId } from "@/lib/webhooks/sign";
import { TestEvent, TestEventResult, WebhookDeliveryList } from "@/lib/webhooks/schemas";
import * as list from "@/app/api/v1/webhook-deliveries/route";
import * as testRoute from "@/app/api/v1/webhook-deliveries/test/route";

// GET /api/v1/webhook-deliveries and POST /api/v1/webhook-deliveries/test through the route
// handlers, responses checked against the routes' zod schemas. The test event goes to a real
// receiver on 127.0.0.1 (WEBHOOK_ALLOW_PRIVATE=1, as in the other webhook tests).

const db = testDb();
globalThis.__nexioPrisma = db; // the route handlers' prisma() is the tests' client

const receiver = webhookReceiver((path) =>
  path === "/fail"
    ? (res) => res.writeHead(500, { "content-type": "text/plain" }).end("receiver exploded: " + "x".repeat(3000))
    : (res) => res.writeHead(200, { "content-type": "text/plain" }).end("got it"),
);
const hits = receiver.hits;
let base = "";

function useSettings(env: Record<string, string>) {
  Object.assign(process.env, env);
  resetSettingsForTests();
}

type Tenant = Awaited<ReturnType<typeof newOrg>>;
let alice: Tenant;
let bob: Tenant;

/** A finished job of `orgId` and `n` deliveries of it, created one second apart (oldest first). */
async function jobWithDeliveries(orgId: string, statuses: ("pending" | "succeeded" | "failed")[], startAt: number) {
  const pool = await db.pool.findUniqueOrThrow({ where: { key: "carriers:all" } });
  const job = await db.job.create({
    data: {
      id: newEvalId(),
      organizationId: orgId,
      poolId: pool.id,
      poolVersionId: pool.currentVersionId!,
      poolKey: pool.key,
      profile: { entity: "Harbor Freight LLC" },
      entity: "Harbor Freight LLC",
      webhookUrl: `${base}/ok`,
      status: "failed",
      completedAt: new Date(),
    },
  });
  const ids: string[] = [];
  for (const [i, status] of statuses.entries()) {
    const d = await db.webhookDelivery.create({
      data: {
        id: newId("dlv"),
        organizationId: orgId,
        jobId: job.id,
        webhookId: newWebhookId(),
        url: `${base}/ok`,
        status,
        attempts: status === "pending" ? 0 : 1,
        lastError: status === "failed" ? "HTTP 500" : null,
        // far in the future, so no delivery loop of another file could ever claim these
        nextAttemptAt: new Date(Date.now() + 7 * 24 * 3600_000),
        createdAt: new Date(startAt + i * 1000),
      },
    });
    if (status !== "pending") {
      await db.webhookAttempt.create({
        data: {
          id: newId("att"),
          deliveryId: d.id,
          attemptNo: 1,
          startedAt: new Date(startAt + i * 1000),
          statusCode: status === "failed" ? 500 : 200,
          latencyMs: 12,
          responseExcerpt: "r",
          error: status === "failed" ? "HTTP 500" : null,
        },
      });
    }
    ids.push(d.id);
  }
  return { evalId: job.id, ids };
}

const get = (query: string, key: string | null = alice.key) => call(list.GET, `/api/v1/webhook-deliveries${query}`, { key });
const sendTest = (body: unknown, key: string | null = alice.key) => call(testRoute.POST, "/api/v1/webhook-deliveries/test", { key, body });

// Alice: job A with 3 deliveries (t0..t2), job B with 2 (t3..t4): newest first is B2 B1 A3 A2 A1.
let jobA: { evalId: string; ids: string[] };
let jobB: { evalId: string; ids: string[] };
let bobJob: { evalId: string; ids: string[] };

beforeAll(async () => {
  await quiesceQueues();
  await receiver.start();
  base = receiver.base;
  useSettings({ WEBHOOK_ALLOW_PRIVATE: "1", WEBHOOK_TIMEOUT_MS: "3000" });
  alice = await newOrg("hooks-alice");
  bob = await newOrg("hooks-bob");
  const t0 = Date.now() - 3600_000;
  jobA = await jobWithDeliveries(alice.org.id, ["succeeded", "failed", "pending"], t0);
  jobB = await jobWithDeliveries(alice.org.id, ["failed", "succeeded"], t0 + 3000);
  bobJob = await jobWithDeliveries(bob.org.id, ["failed", "succeeded", "pending"], t0 + 500);
});
afterAll(async () => {
  await receiver.stop();
});

describe("GET /api/v1/webhook-deliveries", () => {
  const newestFirst = () => [...jobB.ids].reverse().concat([...jobA.ids].reverse());

  it("lists the organization's deliveries newest first, each with eval_id, url and last attempt", async () => {
    const body = parsed(WebhookDeliveryList, await get("?limit=100"));
    expect(body.data.map((d) => d.id)).toEqual(newestFirst());
    expect(body.has_more).toBe(false);
    const [b2, b1] = body.data;
    expect(b2).toMatchObject({
      eval_id: jobB.evalId,
      url: `${base}/ok`,
      status: "succeeded",
      attempts: 1,
      next_attempt_at: null,
      last_attempt: { attempt: 1, status_code: 200 },
    });
    expect(b1).toMatchObject({ status: "failed", last_error: "HTTP 500", last_attempt: { status_code: 500, error: "HTTP 500" } });
    const pending = body.data.find((d) => d.status === "pending")!;
    expect(pending.last_attempt).toBeNull();
    expect(Date.parse(pending.next_attempt_at!)).not.toBeNaN();
    expect(pending.webhook_id).toMatch(/^msg_/);
  });

  it("paginates with limit, starting_after and has_more (default limit 10)", async () => {
    const all = newestFirst();
    const seen: string[] = [];
    let cursor = "";
    for (let page = 0; page < 3; page++) {
      const body = parsed(WebhookDeliveryList, await get(`?limit=2${cursor ? `&starting_after=${cursor}` : ""}`));
      seen.push(...body.data.map((d) => d.id));
      expect(body.has_more).toBe(page < 2);
      cursor = body.data.at(-1)!.id;
    }
    expect(seen).toEqual(all);
    expect(parsed(WebhookDeliveryList, await get(`?starting_after=${all.at(-1)}`))).toEqual({ data: [], has_more: false });
    expect(parsed(WebhookDeliveryList, await get("")).data).toHaveLength(5); // fewer than the default 10
  });

  it("filters by status and by eval_id, together with pagination", async () => {
    const failed = parsed(WebhookDeliveryList, await get("?status=failed"));
    expect(failed.data.map((d) => d.id)).toEqual([jobB.ids[0], jobA.ids[1]]);
    const ofA = parsed(WebhookDeliveryList, await get(`?eval_id=${jobA.evalId}&limit=2`));
    expect(ofA.data.map((d) => d.id)).toEqual([jobA.ids[2], jobA.ids[1]]);
    expect(ofA.has_more).toBe(true);
    const rest = parsed(WebhookDeliveryList, await get(`?eval_id=${jobA.evalId}&limit=2&starting_after=${jobA.ids[1]}`));
    expect(rest).toEqual({ data: [expect.objectContaining({ id: jobA.ids[0] })], has_more: false });
    const both = parsed(WebhookDeliveryList, await get(`?eval_id=${jobB.evalId}&status=succeeded`));
    expect(both.data.map((d) => d.id)).toEqual([jobB.ids[1]]);
  });

  it("never shows another organization's deliveries: its eval_id lists nothing, its ids are refused as a cursor like unknown ones (400, as GET /api/v1/jobs)", async () => {
    const mine = parsed(WebhookDeliveryList, await get("?limit=100"));
    for (const id of bobJob.ids) expect(mine.data.map((d) => d.id)).not.toContain(id);
    expect(parsed(WebhookDeliveryList, await get(`?eval_id=${bobJob.evalId}`))).toEqual({ data: [], has_more: false });
    for (const cursor of [bobJob.ids[1], newId("dlv")]) {
      const err = expectError(await get(`?starting_after=${cursor}`), 400, "invalid_request");
      expect(err.details).toEqual([expect.objectContaining({ path: "starting_after", code: "invalid_cursor" })]);
    }
    // and Bob sees only his own
    const his = parsed(WebhookDeliveryList, await get("?limit=100", bob.key));
    expect(his.data.map((d) => d.id).sort()).toEqual([...bobJob.ids].sort());
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=ten", "limit"],
    ["status=queued", "status"],
    ["eval_id=nope", "eval_id"],
    ["colour=blue", ""],
  ])("?%s → 400 invalid_request on %s", async (query, path) => {
    const err = expectError(await get(`?${query}`), 400, "invalid_request");
    expect(err.details[0].path).toBe(path);
  });

  it("answers 401 without credentials, 405 for other methods", async () => {
    expectError(await get("", null), 401, "unauthorized");
    const res = await call(list.POST, "/api/v1/webhook-deliveries", { key: alice.key, body: {} });
    expectError(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("GET");
  });

  it("is for API keys and signed-in admins: an underwriter's session gets 403", async () => {
    const cookieOf = async (role: "admin" | "underwriter") => {
      const { email, password } = await newUser(alice.org.id, role);
      const res = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
      return res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
    };
    const asAdmin = await call(list.GET, "/api/v1/webhook-deliveries?limit=1", { headers: { cookie: await cookieOf("admin") } });
    expect(parsed(WebhookDeliveryList, asAdmin).data.map((d) => d.id)).toEqual([jobB.ids[1]]);
    expectError(await call(list.GET, "/api/v1/webhook-deliveries", { headers: { cookie: await cookieOf("underwriter") } }), 403, "forbidden");
  });
});

describe("POST /api/v1/webhook-deliveries/test", () => {
  const queued = () => db.webhookDelivery.count({ where: { organizationId: alice.org.id } });

  it("sends one signed test event that standardwebhooks verifies, answers 200 with the outcome, and queues nothing", async () => {
    const before = await queued();
    hits.length = 0;
    const result = parsed(TestEventResult, await sendTest({ url: `${base}/ok` }));
    expect(result).toMatchObject({ outcome: "succeeded", url: `${base}/ok`, status_code: 200, response_excerpt: "got it", error: null });

    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit.headers["webhook-id"]).toBe(result.webhook_id);
    expect(hit.headers["content-type"]).toBe("application/json");
    const org = await db.organization.findUniqueOrThrow({ where: { id: alice.org.id } });
    const payload = new Webhook(org.webhookSecret!).verify(hit.body, hit.headers);
    expect(TestEvent.parse(payload)).toEqual({ type: "test", eval_id: null, message: "Nexio test event", sent_at: result.sent_at });
    // another organization's secret does not verify it
    const other = await db.organization.findUniqueOrThrow({ where: { id: bob.org.id } });
    expect(() => new Webhook(other.webhookSecret!).verify(hit.body, hit.headers)).toThrow();

    expect(await queued()).toBe(before);
    expect(await db.webhookDelivery.count({ where: { webhookId: result.webhook_id } })).toBe(0);
  });

  it("a receiver answering 500 → 200 with the failed outcome, the status and a 1 KB excerpt; not retried", async () => {
    const before = await queued();
    hits.length = 0;
    const result = parsed(TestEventResult, await sendTest({ url: `${base}/fail` }));
    expect(result).toMatchObject({ outcome: "failed", status_code: 500, error: "HTTP 500" });
    expect(result.response_excerpt.startsWith("receiver exploded: ")).toBe(true);
    expect(Buffer.byteLength(result.response_excerpt)).toBe(1024);
    expect(hits).toHaveLength(1);
    expect(await queued()).toBe(before);
  });

  it("a receiver that does not answer → 200 with the failed outcome and no status code", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const result = parsed(TestEventResult, await sendTest({ url: `http://127.0.0.1:${port}/gone` }));
    expect(result).toMatchObject({ outcome: "failed", status_code: null, response_excerpt: "" });
    expect(result.error).toMatch(/connection error/);
  });

  describe("without WEBHOOK_ALLOW_PRIVATE", () => {
    beforeAll(() => useSettings({ WEBHOOK_ALLOW_PRIVATE: "0" }));
    afterAll(() => useSettings({ WEBHOOK_ALLOW_PRIVATE: "1" }));

    it.each([
      ["a loopback literal", "https://127.0.0.1/hook"],
      ["localhost", "https://localhost:8443/hook"],
      ["a private address", "https://10.1.2.3/hook"],
      ["the metadata address", "https://169.254.169.254/latest"],
      ["plain http", "http://example.com/hook"],
    ])("%s → 400 invalid_request with path url, nothing sent", async (_name, url) => {
      hits.length = 0;
      const err = expectError(await sendTest({ url }), 400, "invalid_request");
      expect(err.details).toEqual([expect.objectContaining({ path: "url" })]);
      expect(err.message).toMatch(/^Invalid url: /);
      expect(hits).toHaveLength(0);
    });
  });

  it.each([
    ["no url", {}, "url"],
    ["a url that is not a string", { url: 42 }, "url"],
    ["an unknown field", { url: "https://example.com", eval_id: "eval_12345678" }, ""],
    ["not a URL", { url: "not a url" }, "url"],
  ])("%s → 400 invalid_request", async (_name, body, path) => {
    const err = expectError(await sendTest(body), 400, "invalid_request");
    expect(err.details[0].path).toBe(path);
  });

  it("answers 401 without credentials and 405 for GET", async () => {
    expectError(await sendTest({ url: `${base}/ok` }, null), 401, "unauthorized");
    const res = await call(testRoute.GET, "/api/v1/webhook-deliveries/test", { key: alice.key });
    expectError(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("POST");
  });
});
