import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, newOrg, quiesceQueues } from "../setup/db";
import { waitFor } from "./helpers";
import { createBatch } from "@/lib/batches/create";

// Scale-out (issue #14): on PostgreSQL, two `npm run worker` processes (scripts/worker.ts) share a
// 5,000-row batch while one of them is killed with SIGKILL every few seconds and started again.
// Every row must end completed exactly once: no job lost (all completed), none duplicated (one
// result each, the batch's counter equal to its rows). Bounded by a timeout; no timing verdict.

const db = testDb();
let orgId: string;
const children = new Set<ChildProcess>();

function startWorker() {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, WORKER_CONCURRENCY: "2", JOB_LEASE_MS: "2000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  children.add(child);
  child.once("exit", () => children.delete(child));
  return { child, started: waitFor(async () => out.includes("started"), { timeoutMs: 60_000 }) };
}

beforeAll(async () => {
  orgId = (await newOrg("scale")).org.id;
  await quiesceQueues();
});
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
});

describe("scale-out on PostgreSQL", () => {
  it("two workers, one killed -9 every few seconds: a 5,000-row batch completes with no job lost or duplicated", async () => {
    // Each line with its exposure column (engine 2): property is rated on total insured value.
    const rows = ["entity,state,line,revenue,tiv"];
    for (let i = 0; i < 5000; i++)
      rows.push(
        `row-${i},${["CA", "TX", "NY", "FL"][i % 4]},${["cyber", "property", "general_liability"][i % 3]},${1_000_000 + i},${i % 3 === 1 ? 5_000_000 + i : ""}`,
      );
    const body = new Blob([rows.join("\n")]).stream();
    const { body: batch } = await createBatch(db, { organizationId: orgId, via: "api_key" }, { pool: "carriers:all" }, { format: "csv", body }, null);
    expect(batch.total).toBe(5000);

    const steady = startWorker();
    let victim = startWorker();
    await Promise.all([steady.started, victim.started]);
    let kills = 0;
    let done = false;
    const killer = (async () => {
      while (!done) {
        await new Promise((r) => setTimeout(r, 3000));
        if (done) break;
        victim.child.kill("SIGKILL");
        kills++;
        victim = startWorker();
        await victim.started.catch(() => {});
      }
    })();
    try {
      await waitFor(async () => (await db.batch.findUniqueOrThrow({ where: { id: batch.batch_id } })).completedAt, { timeoutMs: 900_000, everyMs: 500 });
    } finally {
      done = true;
      await killer;
    }

    expect(kills).toBeGreaterThan(0);
    const b = await db.batch.findUniqueOrThrow({ where: { id: batch.batch_id } });
    expect({ finished: b.finished, failed: b.failed }).toEqual({ finished: 5000, failed: 0 });
    const byStatus = await db.job.groupBy({ by: ["status"], where: { batchId: batch.batch_id }, _count: true });
    expect(byStatus.map((s) => [s.status, s._count])).toEqual([["completed", 5000]]);
    expect(await db.jobResult.count({ where: { job: { batchId: batch.batch_id } } })).toBe(5000);
    const distinctRows = await db.job.findMany({ where: { batchId: batch.batch_id }, distinct: ["batchRow"], select: { batchRow: true } });
    expect(distinctRows).toHaveLength(5000);
    // Some rows were taken over from a killed worker (attempts > 1), and none ran out of attempts.
    expect(await db.job.count({ where: { batchId: batch.batch_id, attempts: { gt: 1 } } })).toBeGreaterThan(0);
  }, 1_000_000);
});
