// bench/import-bomb.ts – what a hostile pool file costs before it is refused: a 10 MiB CSV of
// 5 million one-character lines (a valid header, then rows), and a 10 MiB JSON array of 5 million
// numbers. Each case runs in a fresh process; printed: time to refuse, peak RSS, heap after.
// Figures go to docs/security.md (closing note).
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

const LINES = 5_000_000;

async function one(kind: "csv" | "json") {
  const { parsePoolFile } = await import("@/lib/pools/import");
  const { getDomain } = await import("@/lib/engine");
  const { candidateColumns } = await import("@/lib/pools/columns");
  const schema = getDomain("carriers")!.candidateSchema;
  // A header the importer accepts (every required column), so the rows are what it has to refuse.
  const header = candidateColumns(schema)
    .filter((c) => c.path.length === 1 && !c.optional)
    .map((c) => c.name)
    .join(",");
  const text = kind === "csv" ? `${header}\n${"x\n".repeat(LINES)}` : `[${"1,".repeat(LINES - 1)}1]`;
  const rssBefore = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  let outcome = "accepted";
  try {
    parsePoolFile(schema, kind, text);
  } catch (err) {
    outcome = (err as { details?: { code: string }[] }).details?.[0]?.code ?? String(err);
  }
  const ms = performance.now() - t0;
  console.log(
    JSON.stringify({
      bench: "import-bomb",
      kind,
      bytes: Buffer.byteLength(text),
      outcome,
      ms_to_refuse: Math.round(ms),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      rss_before_mb: Math.round(rssBefore / 1024),
      heap_used_after_mb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    }),
  );
}

const kind = process.argv[2];
if (kind === "csv" || kind === "json") await one(kind);
else {
  for (const k of ["csv", "json"]) {
    const r = spawnSync(process.execPath, ["--import", "tsx", "bench/import-bomb.ts", k], { stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
