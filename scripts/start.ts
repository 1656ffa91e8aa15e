// npm start – the whole product on one machine: database (embedded unless DATABASE_URL is set),
// migrations, demo data, a production build when the sources changed, then `next start`
// with the evaluator and webhook sender running inside it (instrumentation.ts).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { createRequire } from "node:module";
import { settingsOrExit } from "@/lib/settings";
import { connectDatabase, authSecret } from "@/lib/db/bootstrap";
import { createPrisma } from "@/lib/db/client";
import { seedForStart, demoWanted, DEMO_USER, DEMO_ORG } from "@/lib/pools/seed";

const { exitWithParent } = createRequire(import.meta.url)("./exit-with-parent.cjs") as { exitWithParent: (onOrphan: () => void) => void };

const t0 = Date.now();
const s = settingsOrExit();

const db = await connectDatabase(s);
const prisma = createPrisma(db.url, 2);
const seeded = await seedForStart(prisma, { demo: demoWanted({ embedded: db.embedded, NEXIO_DEMO: s.NEXIO_DEMO }) });
await prisma.$disconnect();
console.log(
  `nexio: database ${db.embedded ? `embedded (${path.resolve(s.DATA_DIR)})` : "PostgreSQL"} ready; ` +
    `demo pools ${seeded.pools.map((p) => `${p.id} v${p.version} (${p.size})`).join(", ")}`,
);

buildIfNeeded();

// scripts/forwarded-for.cjs: X-Forwarded-For believed only from TRUSTED_PROXIES (see there).
// scripts/exit-with-parent.cjs: a `next start` whose parent was killed with -9 stops and frees the port.
const preload = ["forwarded-for.cjs", "exit-with-parent.cjs"].flatMap((f) => ["--require", path.resolve("scripts", f)]);
const next = spawn(process.execPath, [...preload, path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(s.PORT)], {
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env, DATABASE_URL: db.url, AUTH_SECRET: authSecret(s), NEXIO_EMBEDDED: db.embedded ? "1" : "0",
    NEXIO_FORWARDED_FOR_PRELOAD: "1", NEXIO_EXIT_WITH_PARENT: "1",
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
  Nexio is ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${s.baseUrl}
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

/** Build when there is no build, or when any source that goes into it changed since. */
function buildIfNeeded() {
  const stamp = path.join(".next", "nexio-source-hash");
  const hash = sourceHash();
  const built = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash;
  if (built) return;
  console.log("nexio: building the web app (first start, or the sources changed)…");
  const r = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) {
    console.error("nexio: build failed");
    void db.stop().then(() => process.exit(1));
    throw new Error("build failed");
  }
  fs.writeFileSync(stamp, hash);
}

function sourceHash(): string {
  const h = crypto.createHash("sha256");
  const roots = ["app", "components", "lib", "public", "instrumentation.ts", "instrumentation-node.ts", "proxy.ts", "next.config.mjs", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (name !== "node_modules") walk(path.join(p, name));
    } else {
      h.update(p);
      h.update(fs.readFileSync(p));
    }
  };
  roots.forEach(walk);
  return h.digest("hex");
}
