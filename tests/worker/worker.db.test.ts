import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, newOrg, quiesceQueues } from "../setup/db";
import { submit, waitFor, SEED_PROFILE } from "./helpers";
import { JobLoop } from "@/lib/worker/job-loop";
import { claimJobs, completeJob, failJob, renewLease, LeaseLostError } from "@/lib/worker/queue";
import { evaluateJob } from "@/lib/worker/evaluate-job";
import { getJob } from "@/lib/jobs/read";
import { JobResponse } from "@/lib/jobs/schemas";
import { EngineThreads } from "@/lib/worker/engine-threads";
import { gzipJson } from "@/lib/jobs/result-codec";

const db = testDb();
let orgId: string;
let loop: JobLoop | undefined;

beforeAll(async () => {
  orgId = (await newOrg("worker")).org.id;
  await quiesceQueues();
});
afterAll(async () => {
  await loop?.stop();
});

// Other files' leftovers must not be claimed by the hand-driven tests below.
const drainQueue = quiesceQueues;

describe("the worker", () => {
  it("evaluates a submitted job end to end: seed shape, stored compactly", async () => {
    loop = new JobLoop(db, { concurrency: 2, pollMs: 20, log: () => {} }).start();
    const id = await submit(orgId);
    const job = await waitFor(async () => {
      const j = await getJob(db, orgId, id);
      return j.status === "completed" || j.status === "failed" ? j : null;
    });
    await loop.stop();
    loop = undefined;
    expect(job.status).toBe("completed");
    expect(JobResponse.parse(job)).toBeTruthy();
    expect(job.pool_size).toBe(1847);
    expect(job.filtered).toBe(job.candidates!.length);
    expect(job.filtered).toBeGreaterThanOrEqual(10);
    expect(new Set(job.candidates!.map((c) => c.tier))).toEqual(new Set(["STRONG_FIT", "MODERATE_FIT", "WEAK_FIT"]));
    expect(job.audit).toMatch(new RegExp(`/traces/${id}$`));
    expect(job.started_at).not.toBeNull();
    const stored = await db.jobResult.findUniqueOrThrow({ where: { jobId: id } });
    expect(stored.result.byteLength + stored.trace.byteLength).toBeLessThanOrEqual(64 * 1024);
  });

  it("gives byte-identical results for the same profile, pool version and engine version", async () => {
    loop = new JobLoop(db, { concurrency: 2, pollMs: 20, log: () => {} }).start();
    const [a, b] = [await submit(orgId), await submit(orgId)];
    const done = async (id: string) => waitFor(async () => ((await getJob(db, orgId, id)).status === "completed" ? getJob(db, orgId, id) : null));
    const [ja, jb] = [await done(a), await done(b)];
    await loop.stop();
    loop = undefined;
    expect(JSON.stringify(ja.candidates)).toBe(JSON.stringify(jb.candidates));
  });

  it("stores the same bytes when engine threads evaluate, single jobs and batch-priority jobs alike", async () => {
    await drainQueue();
    const threads = new EngineThreads(2);
    loop = new JobLoop(db, { concurrency: 2, pollMs: 20, log: () => {}, threads }).start();
    const ids = [
      await submit(orgId),
      await submit(orgId, { pool: "carriers:all", profile: { entity: "b", state: "TX", line: "general_liability", revenue: 3_000_000 } }),
    ];
    await db.job.update({ where: { id: ids[1] }, data: { priority: 5 } }); // a batch row's priority: the bulk lane, not urgent
    for (const id of ids) await waitFor(async () => (await getJob(db, orgId, id)).status === "completed");
    await loop.stop();
    loop = undefined;
    await threads.close();
    for (const id of ids) {
      const stored = await db.jobResult.findUniqueOrThrow({ where: { jobId: id } });
      const job = await db.job.findUniqueOrThrow({ where: { id } });
      const again = await evaluateJob(db, { ...job, attempts: 1, batchId: null, rulesSetId: null } as never);
      expect(Buffer.compare(Buffer.from(stored.result), gzipJson(again.result))).toBe(0);
      expect(Buffer.compare(Buffer.from(stored.trace), gzipJson(again.trace))).toBe(0);
      expect(stored.timings).toMatchObject({ evaluate_ms: expect.any(Number) });
    }
  });

  it("refuses a late write from a worker whose lease expired and was taken over", async () => {
    await drainQueue();
    const id = await submit(orgId);
    const [stale] = await claimJobs(db, "stale-worker", 1, 300);
    expect(stale.id).toBe(id);
    const outcome = await evaluateJob(db, stale);
    await waitFor(async () => {
      const j = await db.job.findUniqueOrThrow({ where: { id } });
      return j.leaseExpiresAt!.getTime() < Date.now() - 50;
    });
    expect(await renewLease(db, id, "stale-worker", 300)).toBe(false);
    const [fresh] = await claimJobs(db, "fresh-worker", 1, 30_000);
    expect(fresh.id).toBe(id);
    expect(fresh.attempts).toBe(2);
    await expect(completeJob(db, stale, "stale-worker", outcome)).rejects.toBeInstanceOf(LeaseLostError);
    await completeJob(db, fresh, "fresh-worker", await evaluateJob(db, fresh));
    const job = await db.job.findUniqueOrThrow({ where: { id } });
    expect(job.status).toBe("completed");
    expect(await db.jobResult.count({ where: { jobId: id } })).toBe(1);
  });

  it("retries a transient failure with backoff, then fails visibly after the last attempt", async () => {
    await drainQueue();
    const id = await submit(orgId);
    await db.job.update({ where: { id }, data: { maxAttempts: 2 } });
    const [first] = await claimJobs(db, "w", 1, 30_000);
    expect((await failJob(db, first, "w", { code: "db_timeout", message: "try again", permanent: false }, () => 0)).final).toBe(false);
    let job = await db.job.findUniqueOrThrow({ where: { id } });
    expect(job.status).toBe("queued");
    const [second] = await claimJobs(db, "w", 1, 30_000);
    expect(second.attempts).toBe(2);
    expect((await failJob(db, second, "w", { code: "db_timeout", message: "try again", permanent: false })).final).toBe(true);
    job = await db.job.findUniqueOrThrow({ where: { id } });
    expect(job.status).toBe("failed");
    const view = await getJob(db, orgId, id);
    expect(view).toMatchObject({ status: "failed", error: { code: "db_timeout" } });
  });

  it("fails at once, without retrying, when the error is permanent", async () => {
    await drainQueue();
    const id = await submit(orgId);
    // A stored profile the domain schema rejects can never succeed.
    await db.job.update({ where: { id }, data: { profile: { ...SEED_PROFILE, revenue: "twelve million" } } });
    loop = new JobLoop(db, { concurrency: 1, pollMs: 20, log: () => {} }).start();
    const job = await waitFor(async () => {
      const j = await db.job.findUniqueOrThrow({ where: { id } });
      return j.status === "failed" ? j : null;
    });
    await loop.stop();
    loop = undefined;
    expect(job.attempts).toBe(1);
    expect(job.errorCode).toBe("invalid_profile");
  });
});
