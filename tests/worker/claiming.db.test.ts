import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { testDb, newOrg, quiesceQueues } from "../setup/db";
import { submit, waitFor } from "./helpers";
import { JobLoop } from "@/lib/worker/job-loop";
import { claimJobs, failJob, JOB_PRIORITY, LeaseLostError, type ClaimedJob } from "@/lib/worker/queue";
import { evaluateJob } from "@/lib/worker/evaluate-job";

// Job claiming (issue #14) and the job-loop races of issue #11, each written so that it fails on
// the code before its fix.

const db = testDb();
let orgA: string;
let orgB: string;
let loop: JobLoop | undefined;

beforeAll(async () => {
  orgA = (await newOrg("claim-a")).org.id;
  orgB = (await newOrg("claim-b")).org.id;
});
afterEach(async () => {
  await loop?.stop();
  loop = undefined;
  await quiesceQueues();
});

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe("claim order", () => {
  it("claims interactive jobs before batch rows and batch rows before background work, whatever their age", async () => {
    await quiesceQueues();
    const background = await submit(orgA);
    const batch = await submit(orgA);
    const interactive = await submit(orgA);
    await db.job.update({ where: { id: background }, data: { priority: JOB_PRIORITY.background } });
    await db.job.update({ where: { id: batch }, data: { priority: JOB_PRIORITY.batch } });
    const order: string[] = [];
    for (let i = 0; i < 3; i++) order.push(...(await claimJobs(db, "w", 1, 30_000)).map((j) => j.id));
    expect(order).toEqual([interactive, batch, background]);
  });

  it("takes organizations in turn: a long queue of one does not hold another's jobs behind it", async () => {
    await quiesceQueues();
    const a: string[] = [];
    for (let i = 0; i < 6; i++) a.push(await submit(orgA));
    const b = [await submit(orgB), await submit(orgB)];
    const claimed = (await claimJobs(db, "w", 4, 30_000)).map((j) => j.id);
    // Two of each: B's two jobs are in the first four although A's six were queued first.
    expect(claimed.filter((id) => b.includes(id)).sort()).toEqual([...b].sort());
    expect(claimed.filter((id) => a.includes(id))).toHaveLength(2);
    // Within an organization, oldest first.
    expect(claimed.filter((id) => a.includes(id))).toEqual(a.slice(0, 2));
  });

  it("claims each job once across concurrent claimers", async () => {
    await quiesceQueues();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await submit(i % 2 ? orgA : orgB));
    // SKIP LOCKED lets a claimer pass over rows another claimer is looking at, so one round may
    // leave some queued: claim in rounds (as the job loop's next poll would) until none is left.
    const got: string[] = [];
    for (let round = 0; round < 6 && got.length < ids.length; round++) {
      got.push(...(await Promise.all(Array.from({ length: 6 }, (_, i) => claimJobs(db, `w${round}-${i}`, 3, 30_000)))).flat().map((j) => j.id));
    }
    expect(new Set(got).size).toBe(got.length);
    expect(got.sort()).toEqual([...ids].sort());
  });
});

describe("lanes", () => {
  it("a single job runs while a group of batch rows is still in flight, and only one batch group runs at a time", async () => {
    await quiesceQueues();
    const rows: string[] = [];
    for (let i = 0; i < 6; i++) rows.push(await submit(orgA));
    await db.job.updateMany({ where: { id: { in: rows } }, data: { priority: JOB_PRIORITY.batch } });
    const hold = gate();
    const heldStarted = gate();
    const started: string[] = [];
    loop = new JobLoop(db, {
      concurrency: 2,
      groupSize: 3,
      pollMs: 10,
      log: () => {},
      evaluate: async (d, job, memo) => {
        started.push(job.id);
        if (job.priority !== JOB_PRIORITY.interactive) {
          heldStarted.open();
          await hold.opened;
        }
        return evaluateJob(d, job, memo);
      },
    }).start();
    await heldStarted.opened;
    const single = await submit(orgA);
    const done = await waitFor(async () => {
      const j = await db.job.findUniqueOrThrow({ where: { id: single } });
      return j.status === "completed" ? j : null;
    });
    expect(done.status).toBe("completed");
    // The batch group is still held: one group of three claimed, nothing more of the batch.
    expect(started.filter((id) => rows.includes(id))).toHaveLength(1);
    expect(await db.job.count({ where: { id: { in: rows }, status: "running" } })).toBe(3);
    hold.open();
    await waitFor(async () => (await db.job.count({ where: { id: { in: rows }, status: "completed" } })) === 6);
  });
});

describe("races from issue #11", () => {
  it("failJob is fenced on the lease: a worker whose lease expired cannot fail (or requeue) the job", async () => {
    await quiesceQueues();
    const id = await submit(orgA);
    const [job] = await claimJobs(db, "late-worker", 1, 30_000);
    expect(job.id).toBe(id);
    await db.$executeRaw`UPDATE jobs SET lease_expires_at = now() - interval '1 second' WHERE id = ${id}`;
    await expect(failJob(db, job, "late-worker", { code: "boom", message: "x", permanent: true })).rejects.toBeInstanceOf(LeaseLostError);
    await expect(failJob(db, job, "late-worker", { code: "boom", message: "x", permanent: false })).rejects.toBeInstanceOf(LeaseLostError);
    const row = await db.job.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("running");
    expect(row.errorCode).toBeNull();
    // … and another worker can still take it over.
    const [taken] = await claimJobs(db, "next-worker", 1, 30_000);
    expect(taken.id).toBe(id);
  });

  it("a job loop never runs a job twice when it re-claims its own job whose lease lapsed", async () => {
    await quiesceQueues();
    const id = await submit(orgA);
    const hold = gate();
    const started = gate();
    const runs: string[] = [];
    loop = new JobLoop(db, {
      concurrency: 2,
      pollMs: 10,
      leaseMs: 60_000, // the heartbeat (every 20 s) stays out of the way
      log: () => {},
      evaluate: async (d: PrismaClient, job: ClaimedJob) => {
        runs.push(job.id);
        started.open();
        await hold.opened;
        return evaluateJob(d, job);
      },
    }).start();
    await started.opened;
    // The lease lapses while the evaluation is held (as after a stalled heartbeat): the loop's
    // next poll claims the job again, since it has a free slot.
    await db.$executeRaw`UPDATE jobs SET lease_expires_at = now() - interval '1 second' WHERE id = ${id}`;
    await waitFor(async () => (await db.job.findUniqueOrThrow({ where: { id } })).attempts === 2);
    hold.open();
    const job = await waitFor(async () => {
      const j = await db.job.findUniqueOrThrow({ where: { id } });
      return j.status === "completed" ? j : null;
    });
    await loop.stop();
    loop = undefined;
    expect(job.status).toBe("completed");
    expect(runs).toEqual([id]);
    expect(await db.jobResult.count({ where: { jobId: id } })).toBe(1);
  });

  it("stop() waits for a claim in flight and gives back what it brings", async () => {
    await quiesceQueues();
    const id = await submit(orgA);
    const entered = gate();
    const release = gate();
    const events: string[] = [];
    let claims = 0;
    // The loop's database: the same client, with the claim statement held until we let it go.
    const slowDb = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === "$queryRaw") {
          return async (...args: Parameters<PrismaClient["$queryRaw"]>) => {
            if (claims++ === 0) {
              entered.open();
              await release.opened;
            }
            const rows = await target.$queryRaw(...args);
            events.push("claim returned");
            return rows;
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    const runs: string[] = [];
    const l = new JobLoop(slowDb, { concurrency: 1, pollMs: 10, log: () => {}, evaluate: async (d, job) => (runs.push(job.id), evaluateJob(d, job)) }).start();
    await entered.opened;
    const stopped = l.stop().then(() => events.push("stopped"));
    release.open();
    await stopped;
    expect(events).toEqual(["claim returned", "stopped"]);
    expect(runs).toEqual([]);
    const row = await db.job.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "queued", leaseOwner: null, attempts: 0 });
  });
});
