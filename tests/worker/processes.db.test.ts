import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { testDb, newOrg, quiesceQueues } from "../setup/db";
import { submit, waitFor } from "./helpers";
import { claimJobs } from "@/lib/worker/queue";

// Real worker processes (`npm run worker`'s entry point) against the run's database: the
// embedded one through its port, or PostgreSQL when TEST_DATABASE_URL is set.

const db = testDb();
let orgId: string;
const children: ChildProcess[] = [];

function startWorker(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, WORKER_CONCURRENCY: "2", JOB_LEASE_MS: "2000", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  children.push(child);
  const started = waitFor(async () => out.includes("started"), { timeoutMs: 60_000 });
  return { child, started, output: () => out };
}

async function stopAll() {
  await Promise.all(
    children.splice(0).map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once("exit", () => resolve());
          c.kill("SIGTERM");
        }),
    ),
  );
}

beforeAll(async () => {
  orgId = (await newOrg("procs")).org.id;
  await quiesceQueues();
});
afterEach(stopAll);

const countOf = (ids: string[], status: "completed" | "queued" | "running" | "failed") => db.job.count({ where: { id: { in: ids }, status } });

describe("worker processes", () => {
  it("two workers complete 500 jobs, each exactly once", async () => {
    // A long lease here: under this load a 2 s lease may expire and be taken over (correctly, but
    // then attempts would be 2); exactly-once is about results, checked below.
    const a = startWorker({ JOB_LEASE_MS: "30000" });
    const b = startWorker({ JOB_LEASE_MS: "30000" });
    await Promise.all([a.started, b.started]);
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) ids.push(await submit(orgId));
    await waitFor(async () => (await countOf(ids, "completed")) === 500, { timeoutMs: 240_000, everyMs: 250 });
    const jobs = await db.job.findMany({ where: { id: { in: ids } }, select: { attempts: true, leaseOwner: true } });
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
    expect(await db.jobResult.count({ where: { jobId: { in: ids } } })).toBe(500);
    expect([a.output(), b.output()].every((o) => !o.includes("poll failed"))).toBe(true);
  }, 300_000);

  it("a job whose worker was killed -9 is completed by another after its lease", async () => {
    // A worker that claimed a job and then died: its lease (2 s) runs out, nobody renews it.
    const id = await submit(orgId);
    const [claimed] = await claimJobs(db, "killed-worker", 1, 2000);
    expect(claimed.id).toBe(id);

    // And a real one, killed -9 in the middle of a batch.
    const victim = startWorker();
    await victim.started;
    const batch: string[] = [];
    for (let i = 0; i < 60; i++) batch.push(await submit(orgId));
    await waitFor(async () => (await countOf(batch, "completed")) > 0, { timeoutMs: 60_000 });
    victim.child.kill("SIGKILL");

    const rescuer = startWorker();
    await rescuer.started;
    await waitFor(async () => (await countOf([id, ...batch], "completed")) === 61, { timeoutMs: 120_000, everyMs: 250 });
    const rescued = await db.job.findUniqueOrThrow({ where: { id } });
    // Claimed by the dead worker, then by the victim or the rescuer (the victim may have died holding it too).
    expect(rescued.attempts).toBeGreaterThanOrEqual(2);
    expect(rescued.leaseOwner).toBeNull();
    expect(await db.jobResult.count({ where: { jobId: { in: [id, ...batch] } } })).toBe(61);
  }, 300_000);
});
