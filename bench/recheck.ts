// Re-check benchmark: `npx tsx bench/recheck.ts`. Does a re-check of many past evaluations delay
// new submissions? One embedded server (`npm start`), one organization pool of 1,847 carriers,
// N past evaluations on it (default 1,000; RECHECK_BENCH_N). Then, in the same run: submit →
// completed latency of new jobs while idle, and again right after a new pool version has queued
// a re-check of all N (the runner keeps RECHECK_MAX_OUTSTANDING, default 1, in the queue at once).
import { cli, percentile, round, startServer, SEED_BODY } from "./lib";
import { generateCarriers } from "../lib/pools/demo";

const N = Number(process.env.RECHECK_BENCH_N ?? 1000);
const SAMPLES = 40;
const PORT = Number(process.env.RECHECK_BENCH_PORT ?? 3205);

const server = await startServer(PORT);
const key = cli(server.env, "keys", "create", "--org", "demo");
const headers = { "content-type": "application/json", "x-api-key": key };

async function importPool(candidates: unknown[]) {
  const res = await fetch(`${server.url}/api/v1/pools?name=bench-book&domain=carriers`, { method: "POST", headers, body: JSON.stringify(candidates) });
  if (!res.ok) throw new Error(`import ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; version: number };
}
async function post(body: object) {
  const res = await fetch(`${server.url}/api/v1/jobs`, { method: "POST", headers, body: JSON.stringify(body) });
  if (res.status !== 202) throw new Error(`POST ${res.status} ${await res.text()}`);
  return ((await res.json()) as { eval_id: string }).eval_id;
}
async function status(id: string) {
  return (await (await fetch(`${server.url}/api/v1/jobs/${id}`, { headers })).json()) as { status: string; created_at: string; completed_at: string | null };
}
async function waitDone(id: string) {
  for (;;) {
    const j = await status(id);
    if (j.status === "completed") return j;
    if (j.status === "failed") throw new Error(`${id} failed`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
/** One new submission at a time (the seed body on carriers:all): client submit → completed. */
async function latency(n: number) {
  const client: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await waitDone(await post(SEED_BODY));
    client.push(performance.now() - t0);
  }
  return { n, p50_ms: round(percentile(client, 50)), p90_ms: round(percentile(client, 90)) };
}
async function jobsCount(query: string) {
  // The list endpoint pages; counting re-check jobs uses the history's include filter.
  let count = 0;
  let after = "";
  for (;;) {
    const res = (await (await fetch(`${server.url}/api/v1/jobs?limit=100&${query}${after ? `&starting_after=${after}` : ""}`, { headers })).json()) as {
      data: { eval_id: string }[];
      has_more: boolean;
    };
    count += res.data.length;
    if (!res.has_more) return count;
    after = res.data.at(-1)!.eval_id;
  }
}

try {
  const pool = generateCarriers(1847);
  const { id: poolKey } = await importPool(pool);
  // N past evaluations, varied across states and revenues, 8 submitters at once.
  const states = ["CA", "TX", "NY", "FL", "IL", "WA", "GA", "OH"];
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < N) {
        const i = next++;
        ids.push(
          await post({
            pool: poolKey,
            profile: { entity: `bench-${i}`, state: states[i % states.length], line: "general_liability", revenue: 1_000_000 + (i % 40) * 500_000 },
          }),
        );
      }
    }),
  );
  for (const id of ids) await waitDone(id);

  await latency(5); // warm-up
  const idle = await latency(SAMPLES);

  // A new version: every 10th carrier leaves its first admitted state. The import queues N re-checks.
  const v2 = JSON.parse(JSON.stringify(pool)) as { admitted_states: string[] }[];
  v2.forEach((c, i) => i % 10 === 0 && c.admitted_states.shift());
  const t0 = performance.now();
  await importPool(v2);
  const during = await latency(SAMPLES);
  const rechecked = (await jobsCount("include_rechecks=true&status=completed")) - (await jobsCount("status=completed"));
  const duringS = (performance.now() - t0) / 1000;

  console.log(
    JSON.stringify({
      bench: "recheck.submit_to_completed",
      db: "embedded",
      past_evaluations: N,
      pool_size: pool.length,
      idle,
      during_recheck: during,
      rechecks_completed_meanwhile: rechecked,
      seconds: round(duringS, 1),
    }),
  );
} finally {
  await server.stop();
}
