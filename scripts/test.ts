// npm test – every test, every pass, even when an earlier one fails; the failures are listed at the
// end and the exit code is non-zero if any pass failed. Passes: typecheck; lint (ESLint); format
// check (Prettier); Vitest (unit + database tests on the embedded database); the database tests
// again on PostgreSQL when TEST_DATABASE_URL is set; the production build (once); Playwright
// against `next start` on that build. `npm test -- <pass>` runs one pass by name.
import { spawnSync } from "node:child_process";

interface Pass {
  name: string;
  label: string;
  cmd: string;
  args: string[];
  env?: Record<string, string>;
  when?: () => boolean;
  skipped?: string;
}

const passes: Pass[] = [
  { name: "typecheck", label: "typecheck (tsc --noEmit)", cmd: "npx", args: ["tsc", "--noEmit"] },
  { name: "lint", label: "lint (eslint)", cmd: "npm", args: ["run", "--silent", "lint"] },
  { name: "format", label: "format check (prettier --check)", cmd: "npm", args: ["run", "--silent", "format:check"] },
  // *.pg.db.test.ts exercise what only a PostgreSQL server does (LISTEN/NOTIFY between processes).
  { name: "unit", label: "vitest (embedded database)", cmd: "npx", args: ["vitest", "run", "--exclude", "**/*.pg.db.test.ts"] },
  {
    name: "pg",
    label: "vitest database tests (PostgreSQL)",
    cmd: "npx",
    args: ["vitest", "run", ".db.test.ts"],
    env: { NEXIO_TEST_DB: "pg" },
    when: () => Boolean(process.env.TEST_DATABASE_URL),
    skipped: "TEST_DATABASE_URL is not set: database tests ran on the embedded database only, *.pg.db.test.ts did not run",
  },
  // Built once here; the Playwright server's `npm start` finds the build current and starts at once.
  {
    name: "build",
    label: "production build (once, reused by the browser tests)",
    cmd: "npx",
    args: ["tsx", "scripts/build.ts"],
    env: { NEXIO_TYPECHECKED: "1" },
  },
  { name: "e2e", label: "playwright (Chromium against next start)", cmd: "npx", args: ["playwright", "test"] },
];

const only = process.argv[2];
if (only && !passes.some((p) => p.name === only)) {
  console.error(`Unknown pass "${only}". Passes: ${passes.map((p) => p.name).join(", ")}`);
  process.exit(2);
}

const results: { label: string; ok: boolean; seconds: number }[] = [];
for (const pass of passes) {
  if (only && pass.name !== only) continue;
  if (pass.when && !pass.when()) {
    if (!only) console.log(`\n(${pass.skipped})`);
    continue;
  }
  const t0 = Date.now();
  console.log(`\n=== ${pass.label} ===`);
  const r = spawnSync(pass.cmd, pass.args, { stdio: "inherit", env: { ...process.env, ...pass.env } });
  const seconds = (Date.now() - t0) / 1000;
  const ok = r.status === 0;
  console.log(`=== ${pass.label}: ${ok ? "passed" : "FAILED"} in ${seconds.toFixed(1)} s ===`);
  results.push({ label: pass.label, ok, seconds });
}

console.log("\n=== summary ===");
for (const r of results) console.log(`${r.ok ? "passed" : "FAILED"}  ${r.seconds.toFixed(1).padStart(7)} s  ${r.label}`);
const failed = results.filter((r) => !r.ok);
if (failed.length) {
  console.log(`\n${failed.length} of ${results.length} passes failed: ${failed.map((r) => r.label).join("; ")}`);
  process.exit(1);
}
