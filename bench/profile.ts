// Where the time goes: a CPU profile (`node --cpu-prof`) of `npm start` while 16 clients submit
// 600 single jobs (the issue #14 workload) and poll them to completion, summarised by self time per
// area and per function (Node refuses --cpu-prof in NODE_OPTIONS, so bench/cpu-prof-hook.cjs starts
// the inspector's profiler in every process of the tree). `npx tsx bench/profile.ts [embedded|postgresql]` (default embedded);
// the raw profiles stay in /tmp/nexio-prof-<db>/ for Chrome DevTools.
import fs from "node:fs";
import path from "node:path";
import { cli, resetPgDatabase, round, startServer } from "./lib";
import { submitAndWait } from "./load";
import { batchCsv, uploadBatch, waitBatch } from "./batch-lib";

const db = process.argv[2] === "postgresql" ? "postgresql" : "embedded";
const dir = `/tmp/nexio-prof-${db}`;
// `--summarise <file>…`: only print the summary of profiles already written.
const only = process.argv.indexOf("--summarise");
let window: string[];
let evaluations = 600;
if (only >= 0) window = process.argv.slice(only + 1).map((f) => path.relative(dir, path.resolve(f)));
else {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });

  const server = await startServer(3305, {
    NODE_OPTIONS: `--require ${path.resolve("bench/cpu-prof-hook.cjs")}`,
    NEXIO_CPU_PROF_DIR: dir,
    ...(db === "postgresql" ? { DATABASE_URL: resetPgDatabase("nexio_bench_prof") } : {}),
  });
  try {
    const key = cli(
      { DATA_DIR: server.env.DATA_DIR, DATABASE_URL: server.env.DATABASE_URL, NODE_OPTIONS: "", NEXIO_CPU_PROF_DIR: "" },
      "keys",
      "create",
      "--org",
      "demo",
    );
    await submitAndWait(server.url, key, 30, 4); // warm-up

    // Every process of the tree that loaded the hook: cut its profile before and after the load.
    const profiled = () =>
      fs
        .readdirSync("/proc")
        .filter((pid) => /^\d+$/.test(pid))
        .filter((pid) => {
          try {
            return fs.readFileSync(`/proc/${pid}/environ`, "utf8").includes(`NEXIO_CPU_PROF_DIR=${dir}\0`);
          } catch {
            return false;
          }
        });
    const pids = profiled()
      .map(Number)
      .filter((pid) => {
        // only Node processes have the hook (not npm's sh or esbuild's service)
        try {
          return /node|next-server/.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
        } catch {
          return false;
        }
      });
    const cut = async () => {
      for (const pid of pids) {
        try {
          process.kill(pid, "SIGUSR2");
        } catch {
          // a helper process that has exited since
        }
      }
      await new Promise((r) => setTimeout(r, 1500));
    };
    await cut();
    const before = new Set(fs.readdirSync(dir));
    // BENCH_PROFILE=batch: a 3,000-row batch from upload to its last row instead of single jobs.
    const run =
      process.env.BENCH_PROFILE === "batch"
        ? await (async () => {
            const t0 = performance.now();
            const id = await uploadBatch(server.url, key, batchCsv(3000, "prof"));
            await waitBatch(server.url, key, id);
            const seconds = (performance.now() - t0) / 1000;
            return { evaluations: 3000, seconds: round(seconds, 2), evaluations_per_s: round(3000 / seconds) };
          })()
        : await submitAndWait(server.url, key, 600, 16);
    await cut();
    console.log(JSON.stringify({ bench: "profile", db, ...run }));
    window = fs.readdirSync(dir).filter((f) => !before.has(f));
    evaluations = run.evaluations;
  } finally {
    await server.stop();
  }
}

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

// The profiles cut around the load, one per process: next-server, and (embedded) the launcher that
// hosts PGlite; npm and the tsx shims show up idle.
const profiles = window
  .filter((f) => f.endsWith(".cpuprofile"))
  .map((f) => ({ f, p: JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Profile }))
  .filter(({ p }) => p.nodes.some((n) => /next\/dist\/server|pglite/.test(n.callFrame.url)));
for (const { f, p } of profiles) summarise(f, p);

function summarise(f: string, p: Profile) {
  const kind = p.nodes.some((n) => /next\/dist\/server/.test(n.callFrame.url)) ? "next-server" : "database host (scripts/start.ts + PGlite)";

  const area = (n: Node): string => {
    const { functionName: fn, url } = n.callFrame;
    if (fn === "(idle)") return "idle";
    if (fn === "(garbage collector)") return "garbage collector";
    if (fn === "(program)") return "program (V8/native)";
    if (/pglite/i.test(url) || (/wasm/.test(url) && kind !== "next-server")) return "PGlite (embedded database, wasm + JS)";
    if (/wasm/.test(url) || /wasm-function/.test(fn)) return "Prisma query compiler (wasm)";
    if (/prisma/i.test(url)) return "Prisma client (JS)";
    if (/node:zlib|zlib/.test(url) || /gzip|deflate|inflate/i.test(fn)) return "zlib";
    if (/\bpg\b|node_modules\/pg/.test(url)) return "pg driver";
    if (/lib\/engine|engine/.test(url)) return "engine";
    if (/zod/.test(url)) return "zod";
    if (/\.next\/server/.test(url)) return "app code + bundled libraries (.next/server)";
    if (/node_modules\/(next|react)/.test(url)) return "Next.js / React";
    if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
    if (url === "") return `native: ${fn || "(anonymous)"}`;
    return "other JS";
  };

  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const busy = total - [...self.entries()].filter(([id]) => byId.get(id)!.callFrame.functionName === "(idle)").reduce((a, [, t]) => a + t, 0);
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    const a = area(n);
    areas.set(a, (areas.get(a) ?? 0) + t);
    const name = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}:${n.callFrame.lineNumber}`;
    fns.set(name, (fns.get(name) ?? 0) + t);
  }
  const pct = (t: number) => `${round((100 * t) / busy, 1)} %`;
  console.log(
    `\n${kind}, profile ${f}: ${round(total / 1000, 0)} ms sampled, ${round(busy / 1000, 0)} ms busy (${round(busy / 1000 / evaluations, 2)} ms CPU per evaluation)`,
  );
  console.log("\nself time by area (share of busy time):");
  for (const [a, t] of [...areas].filter(([a, t]) => a !== "idle" && t / busy >= 0.002).sort((x, y) => y[1] - x[1]))
    console.log(`  ${pct(t).padStart(7)}  ${a}`);
  // Inclusive time of named functions (each counted once per sample however deep it recurses).
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  p.samples.forEach((id, i) => {
    if (byId.get(id)!.callFrame.functionName === "(idle)") return;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur)!.callFrame;
      if (cf.functionName.length > 3 && !/^(\(root\)|processTicksAndRejections|runMicrotasks|emit|listOnTimeout|processImmediate)$/.test(cf.functionName))
        seen.add(cf.functionName);
    }
    for (const k of seen) incl.set(k, (incl.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  console.log("\ntop named functions by inclusive time:");
  for (const [n, t] of [...incl].sort((x, y) => y[1] - x[1]).slice(0, 40)) console.log(`  ${pct(t).padStart(7)}  ${n}`);
  console.log("\ntop functions by self time:");
  for (const [n, t] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, 30)) if (!n.startsWith("(idle)")) console.log(`  ${pct(t).padStart(7)}  ${n}`);
}
