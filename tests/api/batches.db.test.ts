import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { testDb, newOrg, quiesceQueues } from "../setup/db";
import { call, expectError, parsed, streamOf } from "./helpers";
import * as batchesRoute from "@/app/api/v1/batches/route";
import * as batchRoute from "@/app/api/v1/batches/[batch_id]/route";
import * as resultsRoute from "@/app/api/v1/batches/[batch_id]/results/route";
import { BatchResponse, BatchResultRow, ListBatchesResponse } from "@/lib/batches/schemas";
import { claimJobs, completeJob, failJob } from "@/lib/worker/queue";
import { evaluateJob } from "@/lib/worker/evaluate-job";
import { JobLoop } from "@/lib/worker/job-loop";
import { listJobs } from "@/lib/jobs/read";
import { listBatches } from "@/lib/batches/read";
import { createApiKey } from "@/lib/keys/api-keys";

const db = testDb();
let org: { id: string; key: string };
let other: { id: string; key: string };
let loop: JobLoop | undefined;

beforeAll(async () => {
  const a = await newOrg("batch");
  const b = await newOrg("batch-other");
  org = { id: a.org.id, key: a.key };
  other = { id: b.org.id, key: b.key };
});
afterEach(async () => {
  await loop?.stop();
  loop = undefined;
});

const HEADER = "entity,state,line,revenue,employees";
const csvOf = (n: number, start = 0) =>
  [
    HEADER,
    ...Array.from({ length: n }, (_, i) => `acct-${start + i},${["CA", "TX", "NY"][i % 3]},professional_liability,${1_000_000 + i * 1000},${10 + i}`),
  ].join("\n") + "\n";

async function post(body: string | ReadableStream<Uint8Array>, opts: { query?: string; type?: string; key?: string; idem?: string } = {}) {
  return call(batchesRoute.POST, `/api/v1/batches?pool=carriers:all${opts.query ?? ""}`, {
    key: opts.key ?? org.key,
    body,
    headers: { "content-type": opts.type ?? "text/csv", ...(opts.idem ? { "idempotency-key": opts.idem } : {}) },
  });
}
const getBatch = (id: string, key = org.key) => call(batchRoute.GET, `/api/v1/batches/${id}`, { key, params: { batch_id: id } });

/** Run every queued job of the batch through the worker's own calls. */
async function runBatch(batchId: string) {
  loop = new JobLoop(db, { concurrency: 4, pollMs: 10, log: () => {} }).start();
  for (;;) {
    const b = parsed(BatchResponse, await getBatch(batchId));
    if (b.status === "completed") break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await loop.stop();
  loop = undefined;
}

describe("POST /api/v1/batches: validation", () => {
  it("accepts a CSV: 202 with a batch id, one queued job per row at batch priority, linked to the batch", async () => {
    await quiesceQueues();
    const res = await post(csvOf(5));
    expect(res.status, res.text).toBe(202);
    const b = parsed(BatchResponse, res);
    expect(b).toMatchObject({
      status: "running",
      total: 5,
      skipped: 0,
      pool: "carriers:all",
      counts: { queued: 5, running: 0, completed: 0, failed: 0 },
      progress: 0,
    });
    expect(b.report).toMatchObject({ rows: 5, valid: 5, invalid: 0, details: [] });
    expect(res.headers.get("location")).toMatch(new RegExp(`/api/v1/batches/${b.batch_id}$`));
    const jobs = await db.job.findMany({ where: { batchId: b.batch_id }, orderBy: { batchRow: "asc" } });
    expect(jobs.map((j) => j.batchRow)).toEqual([1, 2, 3, 4, 5]);
    expect(jobs.every((j) => j.priority === 5 && j.status === "queued" && j.organizationId === org.id && j.webhookUrl === null)).toBe(true);
    expect(jobs[1].profile).toEqual({ entity: "acct-1", state: "TX", line: "professional_liability", revenue: 1_001_000, employees: 11 });
    // Ordinary jobs: listed in History.
    const history = await listJobs(db, org.id, { limit: 100 });
    expect(history.data.map((j) => j.eval_id)).toEqual(expect.arrayContaining(jobs.map((j) => j.id)));
  });

  it("accepts a JSON array and NDJSON, streamed in small chunks that split rows and characters", async () => {
    const profiles = Array.from({ length: 7 }, (_, i) => ({ entity: `Zoë "${i}" [x] {y}, ok`, state: "CA", line: "cyber", revenue: 5e6 + i }));
    const json = await post(streamOf(JSON.stringify(profiles, null, 1), 7), { type: "application/json" });
    expect(json.status, json.text).toBe(202);
    const jb = parsed(BatchResponse, json);
    expect(jb.total).toBe(7);
    const jobs = await db.job.findMany({ where: { batchId: jb.batch_id }, orderBy: { batchRow: "asc" } });
    expect(jobs.map((j) => (j.profile as { entity: string }).entity)).toEqual(profiles.map((p) => p.entity));

    const nd = await post(streamOf(profiles.map((p) => JSON.stringify(p)).join("\n") + "\n\n", 5), { type: "application/x-ndjson" });
    expect(nd.status, nd.text).toBe(202);
    expect(parsed(BatchResponse, nd).total).toBe(7);
  });

  it("reports every bad row (each kind of problem) and stores nothing", async () => {
    const before = await db.job.count({ where: { organizationId: org.id } });
    const csv = [
      HEADER,
      "ok-1,CA,professional_liability,1000000,5", // 1 valid
      "bad-state,ZZ,professional_liability,1000000,5", // 2 state not in the list
      "bad-line,CA,underwater_basket_weaving,1000000,5", // 3 line not in the list
      "bad-revenue,CA,cyber,lots,5", // 4 revenue not a number
      ",CA,cyber,1000000,5", // 5 entity missing
      "too-few,CA", // 6 column count
      "neg,CA,cyber,-5,5", // 7 revenue below 0
      "frac,CA,cyber,1000000,2.5", // 8 employees not an integer
    ].join("\n");
    const res = await post(csv);
    const err = expectError(res, 400, "invalid_request");
    expect(err.message).toMatch(/^7 of 8 rows are invalid; nothing was stored/);
    const paths = err.details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(["rows[2].state", "rows[3].line", "rows[4].revenue", "rows[5].entity", "rows[6]", "rows[7].revenue", "rows[8].employees"]),
    );
    expect(err.details.find((d) => d.path === "rows[2].state")!.message).toMatch(/^Row 2, state: "ZZ" is not one of/);
    expect(paths.some((p) => p.startsWith("rows[1]"))).toBe(false);
    expect(await db.job.count({ where: { organizationId: org.id } })).toBe(before);
  });

  it("reports bad JSON rows: not an object, unknown field, not JSON (NDJSON)", async () => {
    const json = await post(
      JSON.stringify([{ entity: "a", state: "CA", line: "cyber", revenue: 1 }, 42, { entity: "b", state: "CA", line: "cyber", revenue: 1, colour: "red" }]),
      { type: "application/json" },
    );
    const err = expectError(json, 400, "invalid_request");
    expect(err.details.map((d) => [d.path, d.code])).toEqual([
      ["rows[2]", "invalid_type"],
      ["rows[3].colour", "unrecognized_keys"],
    ]);
    const nd = await post('{"entity":"a","state":"CA","line":"cyber","revenue":1}\n{not json\n', { type: "application/x-ndjson" });
    expect(expectError(nd, 400, "invalid_request").details.map((d) => [d.path, d.code])).toEqual([["rows[2]", "invalid_json"]]);
  });

  it("with skip_invalid=true reports the bad rows and accepts the rest", async () => {
    const csv = [HEADER, "ok-1,CA,cyber,1000000,5", "bad,ZZ,cyber,1000000,5", "ok-3,TX,cyber,2000000,5"].join("\n");
    const res = await post(csv, { query: "&skip_invalid=true" });
    expect(res.status, res.text).toBe(202);
    const b = parsed(BatchResponse, res);
    expect(b).toMatchObject({ total: 2, skipped: 1, report: { rows: 3, valid: 2, invalid: 1 } });
    expect(b.report.details.map((d) => d.path)).toEqual(["rows[2].state"]);
    const rows = await db.job.findMany({ where: { batchId: b.batch_id }, orderBy: { batchRow: "asc" }, select: { batchRow: true } });
    expect(rows.map((r) => r.batchRow)).toEqual([1, 3]);
  });

  it("refuses the file as a whole: unknown or missing columns, empty, not an array, unknown pool, bad query, wrong type", async () => {
    expect(expectError(await post("entity,state,line,revenue,colour\na,CA,cyber,1,red\n"), 400, "invalid_request").details[0]).toMatchObject({
      path: "columns[5]",
      code: "unknown_column",
    });
    expect(expectError(await post("entity,line,revenue\na,cyber,1\n"), 400, "invalid_request").details[0]).toMatchObject({
      path: "columns",
      code: "missing_column",
    });
    // The exposure column depends on the line (engine 2): without revenue, a cyber row is refused.
    expect(expectError(await post("entity,state,line\na,CA,cyber\n"), 400, "invalid_request").details[0]).toMatchObject({ path: "rows[1].revenue" });
    expect(expectError(await post(`${HEADER}\n`), 400, "invalid_request").details[0]).toMatchObject({ path: "rows", code: "empty" });
    expect(expectError(await post('{"entity":"a"}', { type: "application/json" }), 400, "invalid_request").details[0]).toMatchObject({
      path: "file",
      code: "invalid_type",
    });
    expect(expectError(await post("[{}", { type: "application/json" }), 400, "invalid_request").details[0]).toMatchObject({ code: "invalid_json" });
    const unknownPool = await call(batchesRoute.POST, "/api/v1/batches?pool=nope:nothing", {
      key: org.key,
      body: csvOf(1),
      headers: { "content-type": "text/csv" },
    });
    expect(expectError(unknownPool, 400, "invalid_request").details[0]).toMatchObject({ path: "pool", code: "unknown_pool" });
    const noPool = await call(batchesRoute.POST, "/api/v1/batches", { key: org.key, body: csvOf(1), headers: { "content-type": "text/csv" } });
    expect(expectError(noPool, 400, "invalid_request").details[0].path).toBe("pool");
    expect(expectError(await post(csvOf(1), { query: "&colour=red" }), 400, "invalid_request").details[0].code).toBe("unrecognized_keys");
    expect(expectError(await post(csvOf(1), { query: "&job_webhooks=true" }), 400, "invalid_request").details[0].code).toBe("requires_webhook_url");
    expect(expectError(await post(csvOf(1), { query: "&webhook_url=http://127.0.0.1/x" }), 400, "invalid_request").details[0].path).toBe("webhook_url");
    expectError(await post(csvOf(1), { type: "text/plain" }), 415, "unsupported_media_type");
  });

  it("refuses the 10,001st row while streaming, and a file over the byte limit, storing nothing", async () => {
    const before = await db.batch.count({ where: { organizationId: org.id } });
    const tooMany = expectError(await post(streamOf(csvOf(10_001), 64 * 1024)), 400, "invalid_request");
    expect(tooMany.details[0]).toMatchObject({ path: "rows", code: "too_many_rows" });
    const big = `${HEADER}\n${"x".repeat(17 * 1024 * 1024)}`;
    expectError(await post(streamOf(big, 1024 * 1024)), 413, "payload_too_large");
    expect(await db.batch.count({ where: { organizationId: org.id } })).toBe(before);
  });

  it("lists at most 100 problems and counts the rest", async () => {
    const csv = [HEADER, ...Array.from({ length: 150 }, (_, i) => `r${i},ZZ,cyber,1,1`)].join("\n");
    const err = expectError(await post(csv), 400, "invalid_request");
    expect(err.details).toHaveLength(101);
    expect(err.details[100]).toMatchObject({ path: "rows", code: "too_many_problems", message: "50 more problems not listed" });
  });
});

describe("test keys", () => {
  it("a test key's batch is marked, every row's job is a test job, and both are listed apart from live ones", async () => {
    const o = await newOrg("batch-testmode");
    const testKey = (await createApiKey(db, o.org.id, { name: "sandbox", test: true })).key;
    const test = parsed(BatchResponse, await post(csvOf(3), { key: testKey }));
    const live = parsed(BatchResponse, await post(csvOf(2), { key: o.key }));
    expect(test.livemode).toBe(false);
    expect(live.livemode).toBe(true);
    const rows = await db.job.findMany({ where: { organizationId: o.org.id }, select: { batchId: true, livemode: true } });
    expect(rows.filter((r) => r.batchId === test.batch_id).map((r) => r.livemode)).toEqual([false, false, false]);
    expect(rows.filter((r) => r.batchId === live.batch_id).map((r) => r.livemode)).toEqual([true, true]);
    // A key sees its own mode's batches, whatever it asks; people see live ones unless mode=test.
    const list = async (key: string, query = "") => parsed(ListBatchesResponse, await call(batchesRoute.GET, `/api/v1/batches${query}`, { key }));
    expect((await list(testKey)).data.map((b) => [b.batch_id, b.livemode])).toEqual([[test.batch_id, false]]);
    expect((await list(testKey, "?mode=live")).data.map((b) => b.batch_id)).toEqual([test.batch_id]);
    expect((await list(o.key, "?mode=test")).data.map((b) => b.batch_id)).toEqual([live.batch_id]);
    expect((await listBatches(db, o.org.id, { limit: 10, mode: "test" })).data.map((b) => b.batch_id)).toEqual([test.batch_id]);
    expect((await listBatches(db, o.org.id, { limit: 10 })).data.map((b) => b.batch_id)).toEqual([live.batch_id]);
    // The test jobs are in the test list of jobs, not the live one.
    expect((await listJobs(db, o.org.id, { limit: 10, mode: "test" })).data).toHaveLength(3);
    expect((await listJobs(db, o.org.id, { limit: 10 })).data).toHaveLength(2);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first answer for the same file and refuses a different file with 409", async () => {
    const key = `idem-${Math.random()}`;
    const first = await post(csvOf(3), { idem: key });
    expect(first.status).toBe(202);
    const again = await post(streamOf(csvOf(3), 11), { idem: key });
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(parsed(BatchResponse, again).batch_id).toBe(parsed(BatchResponse, first).batch_id);
    expect(await db.batch.count({ where: { id: parsed(BatchResponse, first).batch_id } })).toBe(1);
    expectError(await post(csvOf(4), { idem: key }), 409, "idempotency_conflict");
    // The same key with other query options is a different request too.
    expectError(await post(csvOf(3), { idem: key, query: "&skip_invalid=true" }), 409, "idempotency_conflict");
  });

  it("a test key never gets a live key's batch back for the same key and file", async () => {
    const testKey = (await createApiKey(db, org.id, { name: "sandbox", test: true })).key;
    const key = `idem-${Math.random()}`;
    const live = parsed(BatchResponse, await post(csvOf(2), { idem: key }));
    const res = await post(csvOf(2), { idem: key, key: testKey });
    expect(res.status).toBe(202);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    const test = parsed(BatchResponse, res);
    expect(test.batch_id).not.toBe(live.batch_id);
    expect([live.livemode, test.livemode]).toEqual([true, false]);
  });
});

describe("progress, results and isolation", () => {
  it("counts rows by status as they finish, completes the batch, and streams results in NDJSON and CSV", async () => {
    await quiesceQueues();
    const b = parsed(BatchResponse, await post(csvOf(6)));
    // Two rows by hand: one completed, one failed for good.
    const claimed = await claimJobs(db, "t", 2, 30_000);
    expect(claimed.every((j) => j.batchId === b.batch_id)).toBe(true);
    await completeJob(db, claimed[0], "t", await evaluateJob(db, claimed[0]));
    await failJob(db, claimed[1], "t", { code: "invalid_profile", message: "bad", permanent: true });
    const mid = parsed(BatchResponse, await getBatch(b.batch_id));
    expect(mid).toMatchObject({ status: "running", counts: { queued: 4, running: 0, completed: 1, failed: 1 } });
    expect(mid.progress).toBeCloseTo(2 / 6);

    await runBatch(b.batch_id);
    const done = parsed(BatchResponse, await getBatch(b.batch_id));
    expect(done).toMatchObject({ status: "completed", counts: { queued: 0, running: 0, completed: 5, failed: 1 }, progress: 1 });
    expect(done.completed_at).not.toBeNull();

    const nd = await call(resultsRoute.GET, `/api/v1/batches/${b.batch_id}/results?top=2`, { key: org.key, params: { batch_id: b.batch_id } });
    expect(nd.status).toBe(200);
    expect(nd.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const lines = nd.text
      .trim()
      .split("\n")
      .map((l) => BatchResultRow.parse(JSON.parse(l)));
    expect(lines.map((l) => l.row)).toEqual([1, 2, 3, 4, 5, 6]);
    const failed = lines.find((l) => l.status === "failed")!;
    expect(failed).toMatchObject({ top: [], tiers: null, error: { code: "invalid_profile" } });
    for (const l of lines.filter((x) => x.status === "completed")) {
      expect(l.top).toHaveLength(2);
      expect(l.tiers!.STRONG_FIT + l.tiers!.MODERATE_FIT + l.tiers!.WEAK_FIT).toBe(l.filtered);
      expect(l.audit).toMatch(new RegExp(`/traces/${l.eval_id}$`));
      // the best first: tier, then score
      const rank = { STRONG_FIT: 0, MODERATE_FIT: 1, WEAK_FIT: 2 };
      expect(rank[l.top[0].tier] < rank[l.top[1].tier] || (l.top[0].tier === l.top[1].tier && l.top[0].score >= l.top[1].score)).toBe(true);
    }
    const job = await db.job.findUniqueOrThrow({ where: { id: lines[0].eval_id }, include: { result: true } });
    expect(job.batchId).toBe(b.batch_id);
    expect(job.result).not.toBeNull(); // its own result and trace, like any job

    const csv = await call(resultsRoute.GET, `/api/v1/batches/${b.batch_id}/results?format=csv&top=1`, { key: org.key, params: { batch_id: b.batch_id } });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const [header, ...rows] = csv.text.trim().split("\n");
    expect(header.split(",")).toEqual([
      "row",
      "eval_id",
      "status",
      "entity",
      "filtered",
      "strong_fit",
      "moderate_fit",
      "weak_fit",
      "error_code",
      "audit",
      "carrier_1_id",
      "carrier_1_name",
      "carrier_1_tier",
      "carrier_1_confidence",
      "carrier_1_score",
      "carrier_1_levels",
      "carrier_1_reasoning",
    ]);
    expect(rows).toHaveLength(6);
    expect(rows[0].startsWith(`1,${lines[0].eval_id},`)).toBe(true);

    const list = parsed(ListBatchesResponse, await call(batchesRoute.GET, "/api/v1/batches?limit=100", { key: org.key }));
    expect(list.data.map((x) => x.batch_id)).toContain(b.batch_id);
  });

  it("another organization's batch is not found (404) on every route, and not listed", async () => {
    const b = parsed(BatchResponse, await post(csvOf(1)));
    expectError(await getBatch(b.batch_id, other.key), 404, "not_found");
    expectError(await call(resultsRoute.GET, `/api/v1/batches/${b.batch_id}/results`, { key: other.key, params: { batch_id: b.batch_id } }), 404, "not_found");
    expectError(await getBatch("batch_doesnotexist0000", org.key), 404, "not_found");
    expectError(await getBatch("../etc", org.key), 404, "not_found");
    const list = parsed(ListBatchesResponse, await call(batchesRoute.GET, "/api/v1/batches?limit=100", { key: other.key }));
    expect(list.data.map((x) => x.batch_id)).not.toContain(b.batch_id);
    expectError(await call(batchesRoute.GET, "/api/v1/batches", {}), 401, "unauthorized");
  });
});
