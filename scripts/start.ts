// npm start – the whole product on one machine: database (embedded unless DATABASE_URL is set),
// migrations, demo data, a production build when the sources changed, then `next start`
// with the evaluator and webhook sender running inside it (instrumentation.ts).
// npm run dev (--dev) – the same database, migrations and demo data, then `next dev` (hot reload,
// no production build), the worker still inside it.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build";
import { settingsOrExit } from "@/lib/settings";
import { connectDatabase, authSecret } from "@/lib/db/bootstrap";
import { createPrisma } from "@/lib/db/client";
import { seedDemo, DEMO_USER, DEMO_ORG } from "@/lib/pools/seed";

const t0 = Date.now();
const dev = process.argv.includes("--dev");
const s = settingsOrExit();

const db = await connectDatabase(s);
const prisma = createPrisma(db.url, 2);
const seeded = await seedDemo(prisma);
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

const next = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), dev ? "dev" : "start", "-p", String(s.PORT)], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, DATABASE_URL: db.url, AUTH_SECRET: authSecret(s), NEXIO_EMBEDDED: db.embedded ? "1" : "0" },
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
process.on("SIGTERM", () => void shutdown(0));
next.on("exit", (code) => void shutdown(code ?? 1));

await waitForHealth(`http://127.0.0.1:${s.PORT}/api/health`);
console.log(`
  Nexio${dev ? " (development: next dev, hot reload)" : ""} is ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${s.baseUrl}
  Sign in:      ${s.baseUrl}/sign-in  as ${DEMO_USER.email} / ${DEMO_USER.password} (organization "${DEMO_ORG.slug}")
  API key:      npm run --silent nexio -- keys create --org ${DEMO_ORG.slug}
  API docs:     ${s.baseUrl}/docs/api
  Stop with Ctrl-C.
`);

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
