import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";

// Several processes starting at once on one empty PostgreSQL database (the scale-out recipe) all run
// the migration runner. Every one must succeed and each migration be applied exactly once: the
// advisory lock has to be taken before anything is created, the bookkeeping table included.

const base = new URL(process.env.DATABASE_URL!);
const name = `${base.pathname.slice(1)}_migrace`;
const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
const admin = () => new pg.Client({ connectionString: base.toString() });
let dir = "";

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nexio-migrace-"));
  fs.mkdirSync(path.join(dir, "0001_t"));
  fs.writeFileSync(path.join(dir, "0001_t", "migration.sql"), "CREATE TABLE race_t (id int PRIMARY KEY); INSERT INTO race_t VALUES (1);");
});

afterAll(async () => {
  const c = admin();
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("migrations started by several processes at once", () => {
  it("all succeed and apply each migration once", async () => {
    for (let round = 0; round < 5; round++) {
      const c = admin();
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}"`);
      await c.end();
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => migrate(url, dir)));
      const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
      expect(failures).toEqual([]);
      const applied = results.flatMap((r) => (r.status === "fulfilled" ? r.value.applied : []));
      expect(applied).toEqual(["0001_t"]);
    }
  });
});
