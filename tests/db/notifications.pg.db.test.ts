import { afterEach, describe, expect, it, vi } from "vitest";
import { startNotifications } from "@/lib/notifications";
import { onWake } from "@/lib/wake";
import { authenticateApiKey } from "@/lib/keys/api-keys";
import { findUsablePool, upsertPoolVersion } from "@/lib/pools/pools";
import { newEvalId } from "@/lib/ids";
import { testDb, newOrg } from "@/tests/setup/db";

// Processes tell each other through PostgreSQL: new jobs wake the worker loops at once, and a
// revoked key or a new pool version is forgotten by every process's cache at once — not after
// the caches' 5 s expiry. The other process is played by a second connection writing directly.
// No test measures time: where "at once, not after the expiry" matters, the caches' clock (Date) is
// frozen, so an entry could never expire and only the notification can make the change visible.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const c of cleanups.splice(0)) await c();
});

/** Polls every 10 ms, at most `tries` times (a bound on waiting, counted without a clock). */
async function until(cond: () => boolean | Promise<boolean>, tries = 500) {
  for (let i = 0; i < tries && !(await cond()); i++) await new Promise((r) => setTimeout(r, 10));
  return cond();
}

/** Stops the caches' clock: whatever they hold now they would hold forever. Timers still run. */
function freezeCacheClock() {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
}

async function listening() {
  const n = startNotifications(process.env.DATABASE_URL!);
  cleanups.push(() => n.stop());
  expect(await until(() => n.listening)).toBe(true);
  await new Promise((r) => setTimeout(r, 50)); // the connect-time wake has passed
  return n;
}

function wakes() {
  const seen: number[] = [];
  cleanups.push(onWake(() => seen.push(Date.now())));
  return seen;
}

describe("notifications between processes", () => {
  it("a statement inserting jobs wakes the loops once, other writes do not", async () => {
    const { org } = await newOrg("notify");
    const db = testDb();
    const pool = await db.pool.findFirstOrThrow({ where: { key: "carriers:all" } });
    await listening();
    const seen = wakes();

    const row = (entity: string) => ({
      id: newEvalId(),
      organizationId: org.id,
      poolId: pool.id,
      poolVersionId: pool.currentVersionId!,
      poolKey: pool.key,
      profile: { entity },
      entity,
    });
    await db.job.createMany({ data: [row("one"), row("two"), row("three")] });
    expect(await until(() => seen.length > 0)).toBe(true);
    await db.organization.update({ where: { id: org.id }, data: { name: "Renamed" } });
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toHaveLength(1); // three rows, one statement, one notification; the rename: none
  });

  it("a key revoked by another process stops working here at once, not after the cache expires", async () => {
    const { key, keyId } = await newOrg("notify-key");
    const db = testDb();
    await listening();
    freezeCacheClock();
    expect(await authenticateApiKey(db, key)).toMatchObject({ apiKeyId: keyId }); // now cached, for good

    await db.$executeRaw`UPDATE "api_keys" SET "revoked_at" = now() WHERE "id" = ${keyId}`;
    expect(await until(async () => (await authenticateApiKey(db, key)) === null)).toBe(true);
  });

  it("a new pool version imported by another process is used here at once", async () => {
    const { org } = await newOrg("notify-pool");
    const db = testDb();
    const key = `${org.slug}:notify`;
    const meta = { key, domain: "carriers", name: "Notify", description: "", organizationId: org.id };
    const base = (await db.poolVersion.findFirstOrThrow({ where: { pool: { key: "carriers:tier1" } }, select: { candidates: true } })).candidates as object[];
    await upsertPoolVersion(db, meta, base.slice(0, 3));
    await listening();
    freezeCacheClock();
    const v1 = (await findUsablePool(db, org.id, key))!.currentVersionId; // now cached, for good

    // Another process: a new version row and the pool pointed at it, written directly.
    const pool = await db.pool.findUniqueOrThrow({ where: { key } });
    const v2 = await db.poolVersion.create({
      data: { id: `pv_${newEvalId()}`, poolId: pool.id, version: 2, size: 2, checksum: "x", candidates: base.slice(0, 2) },
    });
    await db.$executeRaw`UPDATE "pools" SET "current_version_id" = ${v2.id} WHERE "id" = ${pool.id}`;
    expect(await until(async () => (await findUsablePool(db, org.id, key))!.currentVersionId === v2.id)).toBe(true);
    expect(v2.id).not.toBe(v1);
  });

  it("after stop, nothing is heard", async () => {
    const { org } = await newOrg("notify-stop");
    const db = testDb();
    const pool = await db.pool.findFirstOrThrow({ where: { key: "carriers:all" } });
    const n = await listening();
    await n.stop();
    expect(n.listening).toBe(false);
    const seen = wakes();
    await db.job.create({
      data: { id: newEvalId(), organizationId: org.id, poolId: pool.id, poolVersionId: pool.currentVersionId!, poolKey: pool.key, profile: {}, entity: "x" },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toHaveLength(0);
  });
});
