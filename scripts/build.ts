// The production build, only when it is missing or stale: `npm start` calls this before `next
// start`, and `npm test` runs it once as its own pass (`tsx scripts/build.ts`) so that the
// Playwright server's `npm start` finds the build ready and never builds a second time.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const STAMP = path.join(".next", "nexio-source-hash");

/** Builds when there is no build, or when any source that goes into it changed since. false when the build failed. */
export function buildIfNeeded(): boolean {
  const hash = sourceHash();
  const built = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash;
  if (built) return true;
  console.log("nexio: building the web app (first start, or the sources changed)…");
  const r = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) return false;
  fs.writeFileSync(STAMP, hash);
  return true;
}

function sourceHash(): string {
  const h = crypto.createHash("sha256");
  const roots = [
    "app",
    "components",
    "lib",
    "public",
    "instrumentation.ts",
    "instrumentation-node.ts",
    "proxy.ts",
    "next.config.mjs",
    "postcss.config.mjs",
    "package-lock.json",
    "tsconfig.json",
  ];
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (!buildIfNeeded()) {
    console.error("nexio: build failed");
    process.exit(1);
  }
}
