// npm run bench – every benchmark in turn, each printing JSON lines; figures go to docs/performance.md.
// Run on a quiet machine: the load generator and the server share its 2 cores, so compare ratios.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const only = process.argv.slice(2);
const benches = ["engine", "compare", "api", "pipeline", "batch", "webhooks", "dashboard"].filter((b) => fs.existsSync(`bench/${b}.ts`));
for (const b of benches) {
  if (only.length && !only.includes(b)) continue;
  console.log(`\n=== bench/${b}.ts ===`);
  const r = spawnSync(process.execPath, ["--import", "tsx", `bench/${b}.ts`], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`bench/${b}.ts failed`);
    process.exit(r.status ?? 1);
  }
}
