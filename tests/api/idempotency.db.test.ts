import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { CreateJobResponse } from "@/lib/jobs/schemas";
import { newOrg, testDb } from "@/tests/setup/db";
import { createApiKey } from "@/lib/keys/api-keys";
import { purgeExpiredIdempotency } from "@/lib/jobs/submit";
import { call, countJobs, expectError, parsed, SEED_BODY } from "@/tests/api/helpers";

// Idempotency-Key: a retried POST gets the first answer instead of a second job, even when the
// retries race each other; the key is scoped to the organization and the mode (test or live key).

let org: Awaited<ReturnType<typeof newOrg>>;
beforeAll(async () => {
  org = await newOrg("idem");
});

let n = 0;
const freshKey = () => `idem-${Date.now()}-${++n}`;
const post = (body: unknown, idempotencyKey: string, key = org.key) =>
  call(POST, "/api/v1/jobs", { key, body, headers: { "idempotency-key": idempotencyKey } });

describe("Idempotency-Key on POST /api/v1/jobs", () => {
  it("same key and same body → the same eval_id and one job", async () => {
    const k = freshKey();
    const before = await countJobs(org.org.id);
    const first = await post(SEED_BODY, k);
    const second = await post(SEED_BODY, k);
    expect(first.status, first.text).toBe(202);
    expect(second.status, second.text).toBe(202);
    expect(parsed(CreateJobResponse, second)).toEqual(parsed(CreateJobResponse, first));
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await countJobs(org.org.id)).toBe(before + 1);
  });

  it("the same body with its keys in another order is the same request", async () => {
    const k = freshKey();
    const first = parsed(CreateJobResponse, await post(SEED_BODY, k));
    const reordered = {
      webhook_url: SEED_BODY.webhook_url,
      pool: SEED_BODY.pool,
      profile: { revenue: 12000000, line: "professional_liability", state: "CA", entity: "acme-manufacturing" },
    };
    expect(parsed(CreateJobResponse, await post(reordered, k))).toEqual(first);
  });

  it("10 concurrent requests with one key → one job, all answered with the same eval_id", async () => {
    const k = freshKey();
    const before = await countJobs(org.org.id);
    const all = await Promise.all(Array.from({ length: 10 }, () => post(SEED_BODY, k)));
    for (const r of all) expect(r.status, r.text).toBe(202);
    const ids = new Set(all.map((r) => parsed(CreateJobResponse, r).eval_id));
    expect(ids.size).toBe(1);
    expect(await countJobs(org.org.id)).toBe(before + 1);
  });

  it("same key with a different body → 409 idempotency_conflict, nothing stored", async () => {
    const k = freshKey();
    expect((await post(SEED_BODY, k)).status).toBe(202);
    const before = await countJobs(org.org.id);
    const res = await post({ ...SEED_BODY, profile: { ...SEED_BODY.profile, revenue: 13000000 } }, k);
    expectError(res, 409, "idempotency_conflict");
    expect(await countJobs(org.org.id)).toBe(before);
  });

  it("a refused request does not use up its key", async () => {
    const k = freshKey();
    expectError(await post({ ...SEED_BODY, pool: "carriers:nope" }, k), 400, "invalid_request");
    const ok = await post(SEED_BODY, k);
    expect(ok.status, ok.text).toBe(202);
  });

  it("the same key in another organization is an independent job", async () => {
    const other = await newOrg("idem-other");
    const k = freshKey();
    const mine = parsed(CreateJobResponse, await post(SEED_BODY, k));
    const theirs = parsed(CreateJobResponse, await post(SEED_BODY, k, other.key));
    expect(theirs.eval_id).not.toBe(mine.eval_id);
    expect(await countJobs(other.org.id)).toBe(1);
    // and a different body under that key in the other organization is not a conflict either
    const k2 = freshKey();
    expect((await post(SEED_BODY, k2)).status).toBe(202);
    expect((await post({ ...SEED_BODY, pool: "carriers:tier1" }, k2, other.key)).status).toBe(202);
  });

  it("a test key and a live key of one organization never get each other's job back", async () => {
    const testKey = await createApiKey(testDb(), org.org.id, { name: "sandbox", test: true });
    const k = freshKey();
    const live = parsed(CreateJobResponse, await post(SEED_BODY, k));
    const test = await post(SEED_BODY, k, testKey.key);
    expect(test.status, test.text).toBe(202);
    expect(test.headers.get("idempotent-replayed")).toBeNull();
    const testJob = parsed(CreateJobResponse, test);
    expect(testJob.eval_id).not.toBe(live.eval_id);
    const rows = await testDb().job.findMany({ where: { id: { in: [live.eval_id, testJob.eval_id] } }, select: { id: true, livemode: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.livemode]))).toEqual({ [live.eval_id]: true, [testJob.eval_id]: false });
    // Each mode still replays its own, and a different body is a conflict only within the mode.
    expect(parsed(CreateJobResponse, await post(SEED_BODY, k, testKey.key))).toEqual(testJob);
    expect(parsed(CreateJobResponse, await post(SEED_BODY, k))).toEqual(live);
    expectError(await post({ ...SEED_BODY, pool: "carriers:tier1" }, k, testKey.key), 409, "idempotency_conflict");
  });

  it("housekeeping deletes records past their 24 h and keeps the live ones", async () => {
    const live = freshKey();
    const old = freshKey();
    expect((await post(SEED_BODY, live)).status).toBe(202);
    expect((await post(SEED_BODY, old)).status).toBe(202);
    const db = testDb();
    await db.idempotencyRecord.updateMany({ where: { organizationId: org.org.id, key: old }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await purgeExpiredIdempotency(db)).toBeGreaterThanOrEqual(1);
    const left = await db.idempotencyRecord.findMany({ where: { organizationId: org.org.id, key: { in: [live, old] } }, select: { key: true } });
    expect(left.map((r) => r.key)).toEqual([live]);
  });
});
