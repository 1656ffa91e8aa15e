// Submit → completed latency at low load, and sustained evaluations per second: embedded, and
// PostgreSQL with one and two worker processes. `npx tsx bench/pipeline.ts` (prints JSON lines).
import { startServer, startProcess, stopProcess, cli, percentile, round, resetPgDatabase, SEED_BODY } from "./lib";

async function post(url: string, key: string) {
  const res = await fetch(`${url}/api/v1/jobs`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": key },
    body: JSON.stringify(SEED_BODY),
  });
  if (res.status !== 202) throw new Error(`POST ${res.status} ${await res.text()}`);
  return ((await res.json()) as { eval_id: string }).eval_id;
}

async function get(url: string, key: string, id: string) {
  return (await (await fetch(`${url}/api/v1/jobs/${id}`, { headers: { "x-api-key": key } })).json()) as {
    status: string;
    created_at: string;
    completed_at: string | null;
  };
}

/** One job at a time: client-observed latency (POST sent → GET says completed, polled every 5 ms) and server-side created→completed. */
async function latency(url: string, key: string, n: number) {
  const client: number[] = [];
  const server: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const id = await post(url, key);
    for (;;) {
      const job = await get(url, key, id);
      if (job.status === "completed") {
        client.push(performance.now() - t0);
        server.push(Date.parse(job.completed_at!) - Date.parse(job.created_at));
        break;
      }
      if (job.status === "failed") throw new Error(`job ${id} failed`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  return {
    n,
    client_p50_ms: round(percentile(client, 50)),
    client_p99_ms: round(percentile(client, 99)),
    server_p50_ms: round(percentile(server, 50)),
    server_p99_ms: round(percentile(server, 99)),
  };
}

/** Submit `n` jobs with 8 concurrent clients, then wait for all: completed evaluations per second. */
async function throughput(url: string, key: string, n: number) {
  const t0 = performance.now();
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < n) {
        next++;
        ids.push(await post(url, key));
      }
    }),
  );
  const submitted = performance.now();
  const pending = new Set(ids);
  while (pending.size) {
    for (const id of [...pending].slice(0, 20)) if ((await get(url, key, id)).status === "completed") pending.delete(id);
    if (pending.size) await new Promise((r) => setTimeout(r, 50));
  }
  const s = (performance.now() - t0) / 1000;
  return { n, seconds: round(s, 2), evaluations_per_s: round(n / s), submit_s: round((submitted - t0) / 1000, 2) };
}

const results: unknown[] = [];
const report = (r: object) => {
  results.push(r);
  console.log(JSON.stringify(r));
};

// Embedded: everything in `npm start`.
{
  const server = await startServer(3301);
  const key = cli(server.env, "keys", "create", "--org", "demo");
  await latency(server.url, key, 5); // warm-up
  report({ bench: "submit_to_completed", db: "embedded", ...(await latency(server.url, key, 100)) });
  report({ bench: "sustained", db: "embedded", workers: "in-process", ...(await throughput(server.url, key, 400)) });
  await server.stop();
}

// PostgreSQL: a web process without evaluator, plus 1 then 2 worker processes.
for (const workers of [1, 2]) {
  const DATABASE_URL = resetPgDatabase("nexio_bench");
  const server = await startServer(3302, { DATABASE_URL, WORKER_IN_PROCESS: "false" });
  const key = cli(server.env, "keys", "create", "--org", "demo");
  const procs = [];
  for (let i = 0; i < workers; i++) procs.push(await startProcess(["run", "worker"], { ...server.env }, undefined, "started"));
  await latency(server.url, key, 5);
  if (workers === 1) report({ bench: "submit_to_completed", db: "postgresql", workers, ...(await latency(server.url, key, 100)) });
  report({ bench: "sustained", db: "postgresql", workers, ...(await throughput(server.url, key, 400)) });
  for (const p of procs) await stopProcess(p);
  await server.stop();
}
