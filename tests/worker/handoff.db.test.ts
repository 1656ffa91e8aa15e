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

  it("stops offering room when the loop stops", async () => {
    loop = new JobLoop(db, { concurrency: 2, pollMs: 20, log: () => {}, takeLocal: true }).start();
    await waitFor(async () => localTaker()?.hasRoom());
    await loop.stop();
    loop = undefined;
    expect(localTaker()).toBeUndefined();
  });
});
