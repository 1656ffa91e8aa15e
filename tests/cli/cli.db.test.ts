import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openEmbedded } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createPrisma } from "@/lib/db/client";
import { sha256Hex } from "@/lib/ids";
import { testDb, ensureDemoPools, newOrg } from "../setup/db";

// The operator CLI as an operator runs it: a separate process, machine-readable output, exit 2
// and nothing written for wrong arguments, on DATABASE_URL or on an embedded DATA_DIR whether or
// not another process (npm start) has that database open.

const run = promisify(execFile);
async function nexio(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const onTestDb = { DATABASE_URL: process.env.DATABASE_URL! };
const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("nexio CLI", () => {
  it("creates an organization, a user and a key; prints only the key; lists pools", async () => {
    await ensureDemoPools();
    const slug = `cli-${Date.now().toString(36)}`;
    const org = await nexio(onTestDb, "orgs", "create", "--slug", slug, "--name", "CLI Test");
    expect(org.code).toBe(0);
    expect(JSON.parse(org.stdout)).toMatchObject({ slug, name: "CLI Test" });

    const user = await nexio(onTestDb, "users", "create", "--org", slug, "--email", `ops@${slug}.test`, "--password", "long-enough-pw", "--role", "admin");
    expect(user.code).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({ email: `ops@${slug}.test`, role: "admin" });

    const key = await nexio(onTestDb, "keys", "create", "--org", slug, "--name", "ci", "--test");
    expect(key.code).toBe(0);
    expect(key.stdout).toMatch(/^nx_test_[0-9A-Za-z]{32}\n$/);
    const stored = await testDb().apiKey.findUniqueOrThrow({ where: { hash: sha256Hex(key.stdout.trim()) } });
    expect(stored.name).toBe("ci");

    const pools = await nexio(onTestDb, "pools", "list", "--org", slug);
    expect(JSON.parse(pools.stdout).map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(["carriers:all", "carriers:tier1", "providers:network"]));

    const secret = await nexio(onTestDb, "webhooks", "secret", "--org", slug);
    expect(secret.stdout).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}\n$/);
  }, 120_000);

  it.each([
    [[] as string[]],
    [["orgs", "delete", "--slug", "x"]],
    [["orgs", "create", "--slug", "Bad Slug!", "--name", "x"]],
    [["users", "create", "--org", "demo", "--email", "not-an-email", "--password", "long-enough-pw"]],
    [["users", "create", "--org", "demo", "--email", "a@b.test", "--password", "short"]],
    [["users", "create", "--org", "demo", "--email", "a@b.test", "--password", "long-enough-pw", "--role", "owner"]],
    [["keys", "create", "--org", "demo", "--colour", "blue"]],
    [["keys", "create"]],
    [["pools", "import", "--org", "demo", "--name", "x", "--domain", "carriers", "--file", "tests/fixtures/no-such-file.csv"]],
    [["pools", "import", "--org", "demo", "--name", "Not OK", "--domain", "carriers", "--file", "tests/fixtures/carriers-small.csv"]],
  ])(
    "wrong arguments %j print usage, exit 2 and write nothing",
    async (args) => {
      const counts = () => Promise.all([testDb().organization.count(), testDb().user.count(), testDb().apiKey.count(), testDb().poolVersion.count()]);
      const before = await counts();
      const r = await nexio(onTestDb, ...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("Usage: npm run --silent nexio");
      expect(await counts()).toEqual(before);
    },
    60_000,
  );

  it("exports a demo pool to CSV, imports it as an organization pool, and reports an invalid file with exit 1", async () => {
    const { org } = await newOrg("cli-pools");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nexio-cli-pools-"));
    tmpDirs.push(dir);
    const file = path.join(dir, "tier1.csv");

    const exported = await nexio(onTestDb, "pools", "export", "--org", org.slug, "--pool", "carriers:tier1");
    expect(exported.code, exported.stderr).toBe(0);
    fs.writeFileSync(file, exported.stdout);
    const tier1 = await testDb().pool.findUniqueOrThrow({ where: { key: "carriers:tier1" }, select: { currentVersionId: true } });
    const demo = await testDb().poolVersion.findUniqueOrThrow({ where: { id: tier1.currentVersionId! } });

    const imported = await nexio(onTestDb, "pools", "import", "--org", org.slug, "--name", "tier1-copy", "--domain", "carriers", "--file", file);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ id: `${org.slug}:tier1-copy`, version: 1, size: demo.size, created: true });
    // the very same data as the demo pool: export and import round-trip
    const copy = await testDb().poolVersion.findFirstOrThrow({ where: { pool: { key: `${org.slug}:tier1-copy` } } });
    expect(copy.candidates).toEqual(demo.candidates);

    const bad = await nexio(onTestDb, "pools", "import", "--org", org.slug, "--name", "tier1-copy", "--file", "tests/fixtures/carriers-invalid.csv");
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.error).toMatchObject({ code: "invalid_request", message: expect.stringMatching(/^3 of 3 rows are invalid/) });
    expect(report.error.details.map((d: { path: string }) => d.path)).toContain("rows[1].am_best_rating");
    expect(await testDb().poolVersion.count({ where: { pool: { key: `${org.slug}:tier1-copy` } } })).toBe(1);
  }, 120_000);

  it("opens an embedded DATA_DIR itself when nothing runs, and attaches to the process that has it open", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nexio-cli-"));
    tmpDirs.push(dir);
    const embedded = { DATA_DIR: dir, DATABASE_URL: "" };

    // Nothing runs: the CLI opens the files, migrates, loads the demo data, and closes them again.
    const first = await nexio(embedded, "keys", "create", "--org", "demo");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^nx_live_/);
    expect(fs.existsSync(path.join(dir, "embedded-db.json"))).toBe(false);

    // Another process (as npm start would) has the database open: the CLI goes through it.
    const server = await openEmbedded(dir);
    try {
      await migrate(server.url);
      const second = await nexio(embedded, "keys", "create", "--org", "demo", "--name", "second");
      expect(second.code).toBe(0);
      const db = createPrisma(server.url, 1);
      try {
        expect(await db.apiKey.count({ where: { organization: { slug: "demo" } } })).toBe(2);
        expect((await db.apiKey.findUniqueOrThrow({ where: { hash: sha256Hex(second.stdout.trim()) } })).name).toBe("second");
      } finally {
        await db.$disconnect();
      }
    } finally {
      await server.stop();
    }
  }, 180_000);
});
