import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { testDb, newOrg, quiesceQueues } from "../setup/db";
import { submit, waitFor } from "./helpers";
import { JobLoop } from "@/lib/worker/job-loop";
import { evaluateJob } from "@/lib/worker/evaluate-job";
import { insertJob } from "@/lib/jobs/group-insert";
import { gzipJson } from "@/lib/jobs/result-codec";
import { newEvalId } from "@/lib/ids";
import { localTaker } from "@/lib/wake";

// A submission to a process whose evaluator has room goes in already leased to it and is handed
// over in memory, without a claim (lib/wake.ts LocalTaker, lib/jobs/submit.ts). These tests tell a
// handed-over job by its row: the insert and the lease are one transaction, so started_at equals
// created_at, where a claimed job starts in a later transaction.

const db = testDb();
let orgId: string;
let loop: JobLoop | undefined;

beforeAll(async () => {
  orgId = (await newOrg("handoff")).org.id;
  await quiesceQueues();
});
afterEach(async () => {
  await loop?.stop();
  loop = undefined;
});

const row = (id: string) => db.job.findUniqueOrThrow({ where: { id } });

describe("handing a submission to this process's evaluator", () => {
  it("inserts it leased to the loop, on its first attempt, and the loop completes it with the bytes a claim would give", async () => {
    loop = new JobLoop(db, { concurrency: 2, pollMs: 20, log: () => {}, takeLocal: true }).start();
    await waitFor(async () => localTaker()?.hasRoom());
    const id = await submit(orgId);
    const inserted = await row(id);
    expect(inserted.startedAt?.getTime()).toBe(inserted.createdAt.getTime());
    expect(inserted.attempts).toBe(1);
    const done = await waitFor(async () => ((await row(id)).status === "completed" ? row(id) : null));
    expect(done.attempts).toBe(1);
    expect(done.leaseOwner).toBeNull();
    const stored = await db.jobResult.findUniqueOrThrow({ where: { jobId: id } });
    const again = await evaluateJob(db, { ...done, batchId: null, rulesSetId: null } as never);
    expect(Buffer.compare(Buffer.from(stored.result), gzipJson(again.result))).toBe(0);
  });

  it("leaves it queued for a claim when no loop of this process takes jobs", async () => {
    expect(localTaker()).toBeUndefined();
    const id = await submit(orgId);
    const inserted = await row(id);
    expect(inserted.status).toBe("queued");
    expect(inserted.attempts).toBe(0);
    expect(inserted.leaseOwner).toBeNull();
    loop = new JobLoop(db, { concurrency: 2, pollMs: 20, log: () => {} }).start(); // takeLocal off: claims it
    const done = await waitFor(async () => ((await row(id)).status === "completed" ? row(id) : null));
    expect(done.attempts).toBe(1);
  });

  it("is claimed again once its lease runs out when the process that took it died before finishing", async () => {
    await quiesceQueues();
    const pool = await db.pool.findFirstOrThrow({ where: { key: "carriers:all" } });
    const id = newEvalId();
    await insertJob(db, {
      id,
      organizationId: orgId,
      poolId: pool.id,
      poolVersionId: pool.currentVersionId!,
      poolKey: pool.key,
      profile: { entity: "lost", state: "CA", line: "professional_liability", revenue: 12_000_000 },
      entity: "lost",
      claim: { owner: "a-process-that-died", leaseMs: 1_000 },
    });
    expect((await row(id)).status).toBe("running");
    loop = new JobLoop(db, { concurrency: 1, pollMs: 50, log: () => {} }).start();
    const done = await waitFor(async () => ((await row(id)).status === "completed" ? row(id) : null), { timeoutMs: 20_000 });
    expect(done.attempts).toBe(2);
  });

  it("queues a submission when the loop is full, and offers room again only once a claim has emptied the queue", async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    loop = new JobLoop(db, {
      concurrency: 1,
      pollMs: 60_000,
      log: () => {},
      takeLocal: true,
      evaluate: async (d, job, memo) => (await gate, evaluateJob(d, job, memo)),
    }).start();
    await waitFor(async () => localTaker()?.hasRoom());
    const first = await submit(orgId); // handed over; its evaluation waits at the gate, so the one lane is busy
    const second = await submit(orgId); // refused: queued
    expect((await row(first)).startedAt?.getTime()).toBe((await row(first)).createdAt.getTime());
    expect((await row(second)).status).toBe("queued");
    expect(localTaker()!.hasRoom()).toBe(false);
    open();
    const done = await waitFor(async () => ((await row(second)).status === "completed" ? row(second) : null));
    expect(done.attempts).toBe(1);
    await waitFor(async () => localTaker()?.hasRoom()); // the claim that took it left the queue empty
  });

  it("stops offering room when the loop stops", async () => {
    loop = new JobLoop(db, { concurrency: 2, pollMs: 20, log: () => {}, takeLocal: true }).start();
    await waitFor(async () => localTaker()?.hasRoom());
    await loop.stop();
    loop = undefined;
    expect(localTaker()).toBeUndefined();
  });
});
