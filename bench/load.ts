// Load shapes shared by the benchmarks: many single jobs from concurrent clients, polled to completion.
import { round, SEED_BODY } from "./lib";

// Five states × four lines, so the pool lookup and the engine see a realistic mix.
const STATES = ["CA", "TX", "NY", "FL", "IL"];
const LINES = ["professional_liability", "general_liability", "cyber", "property"];
// Property is rated on total insured value (engine 2), so property rows carry a TIV.
export const mixedBody = (i: number) => {
  const line = LINES[Math.floor(i / 5) % 4];
  return JSON.stringify({
    ...SEED_BODY,
    profile: {
      ...SEED_BODY.profile,
      entity: `bench-${i}`,
      state: STATES[i % 5],
      line,
      ...(line === "property" ? { tiv: 8_000_000 + (i % 50) * 100_000 } : {}),
    },
  });
};

export async function postJob(url: string, key: string, body: string) {
  const res = await fetch(`${url}/api/v1/jobs`, { method: "POST", headers: { "content-type": "application/json", "x-api-key": key }, body });
  if (res.status !== 202) throw new Error(`POST ${res.status} ${await res.text()}`);
  return ((await res.json()) as { eval_id: string }).eval_id;
}

export async function jobStatus(url: string, key: string, id: string) {
  return (await (await fetch(`${url}/api/v1/jobs/${id}`, { headers: { "x-api-key": key } })).json()) as {
    status: string;
    created_at: string;
    completed_at: string | null;
  };
}

/** Submit `n` jobs from `clients` concurrent clients, then poll until all completed: evaluations per second. */
export async function submitAndWait(url: string, key: string, n: number, clients: number) {
  const t0 = performance.now();
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < n) ids.push(await postJob(url, key, mixedBody(next++)));
    }),
  );
  const submitted = performance.now();
  const pending = new Set(ids);
  while (pending.size) {
    for (const id of [...pending].slice(0, 50)) {
      const s = (await jobStatus(url, key, id)).status;
      if (s === "completed") pending.delete(id);
      else if (s === "failed") throw new Error(`job ${id} failed`);
      else break; // oldest still pending: later ones are too
    }
    if (pending.size) await new Promise((r) => setTimeout(r, 20));
  }
  const s = (performance.now() - t0) / 1000;
  return { evaluations: n, clients, seconds: round(s, 2), evaluations_per_s: round(n / s), submit_s: round((submitted - t0) / 1000, 2) };
}
