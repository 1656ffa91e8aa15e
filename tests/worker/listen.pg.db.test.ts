import { afterEach, describe, expect, it } from "vitest";
import { listenForWork } from "@/lib/worker/listen";
import { onWake } from "@/lib/worker/wake";
import { testDb, newOrg } from "@/tests/setup/db";
import { newEvalId } from "@/lib/ids";

// A worker in another process hears about new jobs through LISTEN/NOTIFY (the jobs table's
// statement trigger), not at its next poll.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function wakes() {
  const seen: number[] = [];
  cleanups.push(onWake(() => seen.push(Date.now())));
  return seen;
}

async function until(cond: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return cond();
}

describe("listenForWork", () => {
  it("wakes this process's loops when another connection commits a job, once per statement", async () => {
    const { org } = await newOrg("listen");
    const db = testDb();
    const pool = await db.pool.findFirstOrThrow({ where: { key: "carriers:all" } });
    const listener = listenForWork(process.env.DATABASE_URL!);
    cleanups.push(() => listener.stop());
    expect(await until(() => listener.listening, 5000)).toBe(true);

    const seen = wakes(); // after connecting (which wakes once to catch up)
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(0);

    const row = (entity: string) => ({ id: newEvalId(), organizationId: org.id, poolId: pool.id, poolVersionId: pool.currentVersionId!, poolKey: pool.key, profile: { entity }, entity });
    await db.job.createMany({ data: [row("one"), row("two"), row("three")] });
    expect(await until(() => seen.length > 0, 3000)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toHaveLength(1); // three rows, one statement, one notification

    // Other tables' writes do not wake anyone.
    await db.organization.update({ where: { id: org.id }, data: { name: "Listen renamed" } });
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toHaveLength(1);
  });

  it("stops listening when stopped: later jobs wake nobody", async () => {
    const { org } = await newOrg("listen-stop");
    const db = testDb();
    const pool = await db.pool.findFirstOrThrow({ where: { key: "carriers:all" } });
    const listener = listenForWork(process.env.DATABASE_URL!);
    expect(await until(() => listener.listening, 5000)).toBe(true);
    await listener.stop();
    expect(listener.listening).toBe(false);
    const seen = wakes();
    await db.job.create({ data: { id: newEvalId(), organizationId: org.id, poolId: pool.id, poolVersionId: pool.currentVersionId!, poolKey: pool.key, profile: {}, entity: "x" } });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toHaveLength(0);
  });
});
