// npm test – every test: Vitest (unit + database tests on the embedded database), the database
// tests again on PostgreSQL when TEST_DATABASE_URL is set, then Playwright against `next start`.
import { spawnSync } from "node:child_process";

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  const t0 = Date.now();
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`=== ${label}: ${r.status === 0 ? "passed" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(1)} s ===`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const only = process.argv[2];
// *.pg.db.test.ts exercise what only a PostgreSQL server does (LISTEN/NOTIFY between processes).
if (!only || only === "unit") run("vitest (embedded database)", "npx", ["vitest", "run", "--exclude", "**/*.pg.db.test.ts"]);
if ((!only || only === "pg") && process.env.TEST_DATABASE_URL) {
  run("vitest database tests (PostgreSQL)", "npx", ["vitest", "run", ".db.test.ts"], { NEXIO_TEST_DB: "pg" });
} else if (!only) {
  console.log("\n(TEST_DATABASE_URL is not set: database tests ran on the embedded database only, *.pg.db.test.ts did not run)");
}
if (!only || only === "e2e") run("playwright (Chromium against next start)", "npx", ["playwright", "test"]);
