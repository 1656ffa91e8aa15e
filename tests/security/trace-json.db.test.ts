import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as TRACE } from "@/app/api/traces/[evalId]/route";
import { POST as SUBMIT } from "@/app/api/v1/jobs/route";
import { resetRateLimitsForTests } from "@/lib/api/rate-limit";
import { newOrg, testDb } from "@/tests/setup/db";
import { call, completeJobNow, expectError, SEED_BODY } from "@/tests/api/helpers";

// The trace JSON: paged over the scored candidates, rate-limited per caller, and kept (not rebuilt)
// for a finished job.

let key = "";
let evalId = "";
beforeAll(async () => {
  const t = await newOrg("tracejson");
  key = t.key;
  evalId = ((await call(SUBMIT, "/api/v1/jobs", { key, body: SEED_BODY })).json as { eval_id: string }).eval_id;
  await completeJobNow(evalId);
}, 60_000);

const get = (q = "") => call(TRACE, `/api/traces/${evalId}${q}`, { key, params: { evalId } });

describe("trace JSON", () => {
  it("pages the scored candidates with limit and offset", async () => {
    resetRateLimitsForTests();
    const whole = (await get()).json as { scored: { id: string }[]; scored_total: number; next_offset: number | null };
    expect(whole.scored.length).toBe(whole.scored_total);
    expect(whole.next_offset).toBeNull();
    const first = (await get("?limit=2")).json as { scored: { id: string; rank: number }[]; next_offset: number };
    expect(first.scored.map((c) => c.id)).toEqual(whole.scored.slice(0, 2).map((c) => c.id));
    expect(first.next_offset).toBe(2);
    const second = (await get(`?limit=2&offset=${first.next_offset}`)).json as { scored: { rank: number }[] };
    expect(second.scored[0].rank).toBe(3);
    expectError(await get("?limit=100000"), 400, "invalid_request");
  });

  it("is kept for a finished job: a second read does not rebuild it", async () => {
    resetRateLimitsForTests();
    await get();
    // The stored trace is gone from the database, yet the JSON is still served from memory.
    const db = testDb();
    const saved = await db.jobResult.findUniqueOrThrow({ where: { jobId: evalId } });
    await db.jobResult.update({ where: { jobId: evalId }, data: { trace: Buffer.from("not gzip") } });
    try {
      expect((await get()).status).toBe(200);
    } finally {
      await db.jobResult.update({ where: { jobId: evalId }, data: { trace: saved.trace } });
    }
  });

  it("answers 429 with Retry-After after 60 a minute from one caller", async () => {
    resetRateLimitsForTests();
    // The clock stands still, so the bucket cannot refill while the loop runs on a slow machine.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      for (let i = 0; i < 60; i++) expect((await get("?limit=1")).status).toBe(200);
      const limited = await get("?limit=1");
      expectError(limited, 429, "rate_limited");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
