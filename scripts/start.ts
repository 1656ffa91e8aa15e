// npm start – the whole product on one machine: database (embedded unless DATABASE_URL is set),
// migrations, demo data, a production build when the sources changed, then `next start`
// with the evaluator and webhook sender running inside it (instrumentation.ts).
// npm run dev (--dev) – the same database, migrations and demo data, then `next dev` (hot reload,
// no production build), the worker still inside it.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build";
import { createRequire } from "node:module";
import { settingsOrExit } from "@/lib/settings";
import { connectDatabase, authSecret } from "@/lib/db/bootstrap";
import { createPrisma } from "@/lib/db/client";
import { seedForStart, demoWanted, DEMO_USER, DEMO_ORG } from "@/lib/pools/seed";

const { exitWithParent } = createRequire(import.meta.url)("./exit-with-parent.cjs") as { exitWithParent: (onOrphan: () => void) => void };

const t0 = Date.now();
const dev = process.argv.includes("--dev");
const s = settingsOrExit();

const db = await connectDatabase(s);
const prisma = createPrisma(db.url, 2);
const seeded = await seedForStart(prisma, { demo: demoWanted({ embedded: db.embedded, NEXIO_DEMO: s.NEXIO_DEMO }) });
await prisma.$disconnect();
console.log(
  `nexio: database ${db.embedded ? `embedded (${path.resolve(s.DATA_DIR)})` : "PostgreSQL"} ready; ` +
    `demo pools ${seeded.pools.map((p) => `${p.id} v${p.version} (${p.size})`).join(", ")}`,
);

if (!dev && !buildIfNeeded()) {
  console.error("nexio: build failed");
  await db.stop();
  process.exit(1);
}

// scripts/forwarded-for.cjs: X-Forwarded-For believed only from TRUSTED_PROXIES (see there).
// scripts/exit-with-parent.cjs: a `next start` whose parent was killed with -9 stops and frees the port.
const preload = ["forwarded-for.cjs", "exit-with-parent.cjs"].flatMap((f) => ["--require", path.resolve("scripts", f)]);
const next = spawn(process.execPath, [...preload, path.join("node_modules", "next", "dist", "bin", "next"), dev ? "dev" : "start", "-p", String(s.PORT)], {
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    NEXT_TELEMETRY_DISABLED: "1",
    ...process.env,
    DATABASE_URL: db.url,
    AUTH_SECRET: authSecret(s),
    NEXIO_EMBEDDED: db.embedded ? "1" : "0",
    NEXIO_FORWARDED_FOR_PRELOAD: "1",
    NEXIO_EXIT_WITH_PARENT: "1",
  },
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) {
    next.kill("SIGTERM");
    await new Promise((r) => {
      const force = setTimeout(() => next.kill("SIGKILL"), 20_000);
      next.once("exit", () => (clearTimeout(force), r(null)));
    });
  }
  await db.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
// This process too: started by npm/tsx, it stops when they are killed without telling it.
exitWithParent(() => void shutdown(1));
process.on("SIGTERM", () => void shutdown(0));
next.on("exit", (code) => void shutdown(code ?? 1));

await waitForHealth(`http://127.0.0.1:${s.PORT}/api/health`);
console.log(`
  Nexio${dev ? " (development: next dev, hot reload)" : ""} is ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${s.baseUrl}
${signInLines()}
  API docs:     ${s.baseUrl}/docs/api
  Stop with Ctrl-C.
`);

/** The demo login only while the demo admin exists; on a database without users, how to make the first admin. */
function signInLines() {
  if (seeded.demo.demoUserExists) {
    return `  Sign in:      ${s.baseUrl}/sign-in  as ${DEMO_USER.email} / ${DEMO_USER.password} (organization "${DEMO_ORG.slug}")
  API key:      npm run --silent nexio -- keys create --org ${DEMO_ORG.slug}`;
  }
  if (seeded.users === 0) {
    return `  No users yet. Create the first organization and its admin:
                npm run --silent nexio -- orgs create --slug acme --name "Acme Brokerage"
                npm run --silent nexio -- users create --org acme --email you@example.com --password '…' --role admin
  Sign in:      ${s.baseUrl}/sign-in`;
  }
  return `  Sign in:      ${s.baseUrl}/sign-in`;
}

async function waitForHealth(url: string) {
  for (let i = 0; i < 600 && !stopping; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
