// bench/api.ts – POST /api/v1/jobs against a no-op route of the same server, in the same run:
// autocannon, 50 connections, 10 s per round, alternating ping → jobs twice so that drift of the
// shared machine hits both alike. Prints one JSON object; the ratio is the figure to compare.
//
//   npx tsx bench/api.ts                      starts `npm start` on :3213 (embedded DB, no worker),
//                                             then again on PostgreSQL (127.0.0.1:5432, database
//                                             nexio_bench_api, recreated) unless BENCH_PG=0
//                                             and once more embedded with EMBEDDED_FSYNC=0 (the cost of
//                                             synced commits) unless BENCH_NOSYNC=0
//   BASE_URL=http://host:port API_KEY=nx_… npx tsx bench/api.ts   against a running server
//
// The server needs RATE_LIMIT_PER_MINUTE far above the load, and no in-process worker
// (WORKER_IN_PROCESS=false) so that evaluations do not compete with the requests measured.
import autocannon from "autocannon";
import { cli, resetPgDatabase, round, SEED_BODY, startServer, type Server } from "./lib";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PORT = 3213;

// The seed's body without webhook_url: every submission with a webhook host resolves it (the SSRF
// check), and on a machine without DNS that measures the resolver, not the API.
const BODY = JSON.stringify(SEED_BODY);

interface Round {
  route: "ping" | "jobs";
  rps: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

function fire(url: string, opts: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string }): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, method: opts.method ?? "GET", headers: opts.headers, body: opts.body }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

async function measure(route: Round["route"], base: string, key: string): Promise<Round> {
  const r =
    route === "ping"
      ? await fire(`${base}/api/ping`, {})
      : await fire(`${base}/api/v1/jobs`, { method: "POST", headers: { "content-type": "application/json", "x-api-key": key }, body: BODY });
  return {
    route,
    rps: round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function bench(label: string, base: string, key: string) {
  // Warm up both routes (JIT, connection pools, the pool lookup) outside the measurement.
  const warm = await fetch(`${base}/api/v1/jobs`, { method: "POST", headers: { "content-type": "application/json", "x-api-key": key }, body: BODY });
  if (warm.status !== 202) throw new Error(`POST /api/v1/jobs answered ${warm.status}: ${await warm.text()}`);
  await fetch(`${base}/api/ping`);

  const rounds: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    for (const route of ["ping", "jobs"] as const) {
      const r = await measure(route, base, key);
      rounds.push(r);
      console.error(`${label} ${route}: ${r.rps} req/s, p99 ${r.p99_ms} ms${r.non2xx || r.errors ? ` (non-2xx ${r.non2xx}, errors ${r.errors})` : ""}`);
    }
  }
  const ping = rounds.filter((r) => r.route === "ping");
  const jobs = rounds.filter((r) => r.route === "jobs");
  console.log(
    JSON.stringify(
      {
        bench: "api",
        database: label,
        connections: CONNECTIONS,
        duration_s: DURATION_S,
        rounds,
        ping: { rps: round(mean(ping.map((r) => r.rps))), p99_ms: round(mean(ping.map((r) => r.p99_ms))) },
        jobs: { rps: round(mean(jobs.map((r) => r.rps))), p99_ms: round(mean(jobs.map((r) => r.p99_ms))) },
        // POST /api/v1/jobs (authenticate, rate-limit, validate, commit the row) against the no-op route
        ratio_rps: round(mean(jobs.map((r) => r.rps)) / mean(ping.map((r) => r.rps)), 3),
        ratio_p99: round(mean(jobs.map((r) => r.p99_ms)) / Math.max(1, mean(ping.map((r) => r.p99_ms))), 2),
        failed_requests: rounds.reduce((n, r) => n + r.non2xx + r.errors, 0),
      },
      null,
      2,
    ),
  );
}

async function onServer(label: string, env: Record<string, string>) {
  let server: (Server & { env: Record<string, string> }) | undefined;
  try {
    server = await startServer(PORT, { WORKER_IN_PROCESS: "false", ...env });
    const key = cli({ DATA_DIR: server.env.DATA_DIR, DATABASE_URL: server.env.DATABASE_URL }, "keys", "create", "--org", "demo", "--name", "bench-api");
    await bench(label, server.url, key);
  } finally {
    await server?.stop();
  }
}

async function main() {
  if (process.env.BASE_URL) {
    if (!process.env.API_KEY) throw new Error("API_KEY is required with BASE_URL");
    return bench("running server", process.env.BASE_URL, process.env.API_KEY);
  }
  await onServer("embedded", { DATA_DIR: "/tmp/bench-api" });
  // The price of synced commits (lib/db/embedded.ts): the same, with EMBEDDED_FSYNC=0.
  if (process.env.BENCH_NOSYNC !== "0")
    await onServer("embedded, commits not synced (EMBEDDED_FSYNC=0)", { DATA_DIR: "/tmp/bench-api-nosync", EMBEDDED_FSYNC: "0" });
  if (process.env.BENCH_PG !== "0") await onServer("postgresql", { DATABASE_URL: resetPgDatabase("nexio_bench_api") });
}

await main();
