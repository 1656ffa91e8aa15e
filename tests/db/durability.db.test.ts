import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openEmbedded } from "@/lib/db/embedded";

// The embedded database's commits reach the disk before they are acknowledged: PGlite alone runs
// with fsync off and a file system whose fsync does nothing (lib/db/embedded.ts). Counted here
// through fs.fsyncSync, the call the durable mode routes PostgreSQL's fsync() to.

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function commits(durable: boolean | undefined, n: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nexio-durable-"));
  dirs.push(dir);
  const db = await openEmbedded(dir, durable === undefined ? {} : { durable });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const fsync = (await client.query("SHOW fsync")).rows[0].fsync as string;
    await client.query("CREATE TABLE t (id int PRIMARY KEY)");
    const spy = vi.spyOn(fs, "fsyncSync");
    for (let i = 0; i < n; i++) await client.query("INSERT INTO t VALUES ($1)", [i]);
    return { fsync, syncs: spy.mock.calls.length };
  } finally {
    await client.end();
    await db.stop();
  }
}

describe("embedded database durability", () => {
  it("by default every commit is synced to disk before it is acknowledged", async () => {
    const r = await commits(undefined, 20);
    expect(r.fsync).toBe("on");
    expect(r.syncs).toBeGreaterThanOrEqual(20);
  }, 180_000);

  it("with durable: false (EMBEDDED_FSYNC=0, tests) nothing is synced", async () => {
    const r = await commits(false, 20);
    expect(r.fsync).toBe("off");
    expect(r.syncs).toBe(0);
  }, 180_000);
});
