import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openEmbedded } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

// One database for the whole test run, migrated from scratch: the embedded PGlite in a temporary
// folder by default, or PostgreSQL when scripts/test.ts sets NEXIO_TEST_DB=pg. Tests refuse any
// database whose name does not say it is a test database.

export async function setup() {
  if (process.env.NEXIO_TEST_DB === "pg") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("NEXIO_TEST_DB=pg needs TEST_DATABASE_URL");
    assertTestDatabase(url);
    await resetSchema(url);
    await migrate(url);
    process.env.DATABASE_URL = url;
    return async () => {};
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nexio-test-db-"));
  // A throw-away database: commits need not reach the disk (tests/db/durability.db.test.ts checks that they do by default).
  const db = await openEmbedded(dir, { durable: false });
  await migrate(db.url);
  process.env.DATABASE_URL = db.url;
  process.env.NEXIO_TEST_DATA_DIR = dir;
  return async () => {
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

export function assertTestDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!/test/i.test(name)) throw new Error(`Refusing to run tests against database "${name}": its name must contain "test"`);
}

async function resetSchema(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}
