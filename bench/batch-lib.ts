// Batches as the benchmarks use them: a CSV of mixed profiles, upload, wait for every row.

const STATES = ["CA", "TX", "NY", "FL", "IL"];
const LINES = ["professional_liability", "general_liability", "cyber", "property"];

/** `rows` profiles over five states and four lines; property rows carry their total insured value (engine 2 rates property on it). */
export function batchCsv(rows: number, tag: string) {
  const out = ["entity,state,line,revenue,employees,tiv"];
  for (let i = 0; i < rows; i++) {
    const line = LINES[Math.floor(i / 5) % 4];
    out.push(
      `${tag}-${i},${STATES[i % 5]},${line},${1_000_000 + (i % 97) * 250_000},${5 + (i % 300)},${line === "property" ? 8_000_000 + (i % 50) * 100_000 : ""}`,
    );
  }
  return out.join("\n") + "\n";
}

export async function uploadBatch(url: string, key: string, body: string) {
  const res = await fetch(`${url}/api/v1/batches?pool=carriers:all`, { method: "POST", headers: { "content-type": "text/csv", "x-api-key": key }, body });
  if (res.status !== 202) throw new Error(`POST /api/v1/batches ${res.status} ${await res.text()}`);
  return ((await res.json()) as { batch_id: string }).batch_id;
}

export async function batchState(url: string, key: string, id: string) {
  return (await (await fetch(`${url}/api/v1/batches/${id}`, { headers: { "x-api-key": key } })).json()) as { status: string; counts: Record<string, number> };
}

export async function waitBatch(url: string, key: string, id: string) {
  for (;;) {
    const b = await batchState(url, key, id);
    if (b.status === "completed") return b;
    await new Promise((r) => setTimeout(r, 500));
  }
}
