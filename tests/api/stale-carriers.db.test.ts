import { beforeAll, describe, expect, it } from "vitest";
import * as staleRoute from "@/app/api/v1/pools/[poolId]/stale-carriers/route";
import { newEvalId, newId, randomBase62 } from "@/lib/ids";
import { gzipJson } from "@/lib/jobs/result-codec";
import { StaleCarriersQuery, StaleCarriersResponse } from "@/lib/stale/schemas";
import { staleCarriers } from "@/lib/stale/stale";
import { call, expectError, parsed } from "@/tests/api/helpers";
import { newOrg, testDb } from "@/tests/setup/db";

// Stale data to re-verify (issue #12 item 5): carriers that rank often in the organization's
// evaluations on a pool but whose last_verified (current pool version) is old or missing. Every
// date is given (as_of), so nothing depends on the day the test runs.

type Org = Awaited<ReturnType<typeof newOrg>>;
const db = testDb();

// c-old: verified long ago; c-never: never; c-fresh: recently; c-mid: 200 days before as_of.
const CARRIERS = [
  { id: "c-old", name: "Old Mutual Casualty", last_verified: "2024-06-01" },
  { id: "c-never", name: "Never Verified Insurance", last_verified: null },
  { id: "c-fresh", name: "Fresh Indemnity", last_verified: "2026-11-01" },
  { id: "c-mid", name: "Midway Specialty", last_verified: "2026-05-14" },
  { id: "c-rare", name: "Rarely Seen Re", last_verified: "2020-01-01" },
];
const AS_OF = "2026-11-30";

async function pool(o: Org, candidates = CARRIERS) {
  const poolId = newId("pool");
  const key = `${o.org.slug}:stale-${randomBase62(6).toLowerCase()}`;
  const versionId = newId("pv");
  await db.pool.create({ data: { id: poolId, key, organizationId: o.org.id, domain: "carriers", name: "stale" } });
  await db.poolVersion.create({ data: { id: versionId, poolId, version: 1, size: candidates.length, checksum: randomBase62(8), candidates } });
  await db.pool.update({ where: { id: poolId }, data: { currentVersionId: versionId } });
  return { poolId, key, versionId };
}

/** A completed evaluation on the pool that ranked `ranking` (best first), completed at `at`. */
async function evaluation(o: Org, p: Awaited<ReturnType<typeof pool>>, ranking: string[], at: string, extra: { sourceKind?: string } = {}) {
  const job = await db.job.create({
    data: {
      id: newEvalId(),
      organizationId: o.org.id,
      poolId: p.poolId,
      poolVersionId: p.versionId,
      poolKey: p.key,
      profile: { entity: "x" },
      entity: "x",
      status: "completed",
      completedAt: new Date(at),
      sourceKind: extra.sourceKind ?? null,
    },
  });
  const candidates = ranking.map((id, i) => ({ id, name: id, tier: "STRONG_FIT", confidence: "HIGH", scores: {}, reasoning: "", score: 90 - i }));
  await db.jobResult.create({
    data: {
      jobId: job.id,
      engineVersion: "test",
      poolSize: 5,
      filtered: ranking.length,
      result: gzipJson({ pool_size: 5, filtered: ranking.length, candidates }),
      trace: gzipJson({}),
      timings: {},
    },
  });
  return job.id;
}

const stale = (o: Org, key: string, query: Record<string, string | number> = {}) => {
  const qs = new URLSearchParams(Object.entries({ as_of: AS_OF, ...query }).map(([k, v]) => [k, String(v)])).toString();
  return call(staleRoute.GET, `/api/v1/pools/${encodeURIComponent(key)}/stale-carriers?${qs}`, { key: o.key, params: { poolId: encodeURIComponent(key) } });
};

let a: Org;
let b: Org;
let p: Awaited<ReturnType<typeof pool>>;
beforeAll(async () => {
  [a, b] = await Promise.all([newOrg("stale-a"), newOrg("stale-b")]);
  p = await pool(a);
  // Five evaluations in November: c-old and c-fresh in every top 2, c-never in three, c-mid in two, c-rare once (rank 4).
  await evaluation(a, p, ["c-old", "c-fresh", "c-never", "c-rare"], "2026-11-02T10:00:00Z");
  await evaluation(a, p, ["c-fresh", "c-old", "c-never"], "2026-11-10T10:00:00Z");
  await evaluation(a, p, ["c-old", "c-fresh", "c-mid"], "2026-11-15T10:00:00Z");
  await evaluation(a, p, ["c-never", "c-old", "c-fresh", "c-mid"], "2026-11-20T10:00:00Z");
  await evaluation(a, p, ["c-fresh", "c-old", "c-mid"], "2026-11-29T23:00:00Z");
  // Not counted: a re-check, an evaluation before the period, one after as_of, and another organization's.
  await evaluation(a, p, ["c-rare", "c-rare"], "2026-11-21T10:00:00Z", { sourceKind: "recheck" });
  await evaluation(a, p, ["c-rare"], "2026-07-01T10:00:00Z");
  await evaluation(a, p, ["c-rare"], "2026-12-01T10:00:00Z");
});

describe("GET /api/v1/pools/{pool_id}/stale-carriers", () => {
  it("lists carriers often in the top N whose data is older than the threshold or missing, most appearances first", async () => {
    const r = parsed(StaleCarriersResponse, await stale(a, p.key, { period_days: 30, top: 3, min_appearances: 2, stale_after_days: 180 }));
    expect(r).toMatchObject({ pool: p.key, pool_version: 1, as_of: AS_OF, evaluations: 5, total: 3, has_more: false });
    expect(r.period).toEqual({ from: "2026-11-01T00:00:00.000Z", to: "2026-12-01T00:00:00.000Z" });
    expect(r.data.map((c) => [c.carrier_id, c.appearances, c.first_place, c.last_verified, c.days_since_verified, c.share])).toEqual([
      ["c-old", 5, 2, "2024-06-01", 912, 1],
      ["c-never", 3, 1, null, null, 0.6],
      ["c-mid", 2, 0, "2026-05-14", 200, 0.4], // rank 4 on Nov 20 is outside the top 3
    ]);
    expect(r.data[0]).toMatchObject({ name: "Old Mutual Casualty", last_seen: "2026-11-29T23:00:00.000Z" });
  });

  it("the thresholds move the list: a longer freshness window, a wider top, a lower minimum", async () => {
    const ids = async (q: Record<string, number>) =>
      parsed(StaleCarriersResponse, await stale(a, p.key, { period_days: 30, ...q })).data.map((c) => c.carrier_id);
    expect(await ids({ top: 3, min_appearances: 2, stale_after_days: 365 })).toEqual(["c-old", "c-never"]);
    expect(await ids({ top: 4, min_appearances: 3, stale_after_days: 180 })).toEqual(["c-old", "c-never", "c-mid"]);
    expect(await ids({ top: 4, min_appearances: 1, stale_after_days: 180 })).toEqual(["c-old", "c-never", "c-mid", "c-rare"]);
    expect(await ids({ top: 1, min_appearances: 1, stale_after_days: 0 })).toEqual(["c-old", "c-fresh", "c-never"]);
  });

  it("pages with limit and offset; the total stays", async () => {
    const q = { period_days: 30, top: 4, min_appearances: 1, stale_after_days: 180, limit: 2 };
    const one = parsed(StaleCarriersResponse, await stale(a, p.key, q));
    const two = parsed(StaleCarriersResponse, await stale(a, p.key, { ...q, offset: 2 }));
    const past = parsed(StaleCarriersResponse, await stale(a, p.key, { ...q, offset: 10 }));
    expect([one.total, one.has_more, one.data.map((c) => c.carrier_id)]).toEqual([4, true, ["c-old", "c-never"]]);
    expect([two.total, two.has_more, two.data.map((c) => c.carrier_id)]).toEqual([4, false, ["c-mid", "c-rare"]]);
    expect([past.total, past.has_more, past.data]).toEqual([4, false, []]);
  });

  it("format=csv downloads every matching row", async () => {
    const res = await stale(a, p.key, { period_days: 30, top: 4, min_appearances: 1, stale_after_days: 180, limit: 1, format: "csv" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".*-stale-carriers-2026-11-30\.csv"$/);
    expect(res.text.trim().split("\n")).toEqual([
      "carrier_id,name,last_verified,days_since_verified,appearances,share,first_place,last_seen",
      "c-old,Old Mutual Casualty,2024-06-01,912,5,1,2,2026-11-29T23:00:00.000Z",
      "c-never,Never Verified Insurance,,,3,0.6,1,2026-11-20T10:00:00.000Z",
      "c-mid,Midway Specialty,2026-05-14,200,3,0.6,0,2026-11-29T23:00:00.000Z",
      "c-rare,Rarely Seen Re,2020-01-01,2525,1,0.2,0,2026-11-02T10:00:00.000Z",
    ]);
  });

  it("counts evaluations completed after an earlier request (the index catches up), and reads the current version's dates", async () => {
    const own = await pool(a);
    const q = { period_days: 30, top: 1, min_appearances: 1, stale_after_days: 180 };
    await evaluation(a, own, ["c-old"], "2026-11-03T10:00:00Z");
    expect(parsed(StaleCarriersResponse, await stale(a, own.key, q)).data.map((c) => [c.carrier_id, c.appearances])).toEqual([["c-old", 1]]);
    await evaluation(a, own, ["c-old"], "2026-11-04T10:00:00Z");
    await evaluation(a, own, ["c-rare"], "2026-11-05T10:00:00Z");
    expect(parsed(StaleCarriersResponse, await stale(a, own.key, q)).data.map((c) => [c.carrier_id, c.appearances])).toEqual([
      ["c-old", 2],
      ["c-rare", 1],
    ]);
    // A new version re-verifies c-old: it leaves the list; a carrier no longer in the pool is not listed.
    const v2 = newId("pv");
    await db.poolVersion.create({
      data: {
        id: v2,
        poolId: own.poolId,
        version: 2,
        size: 1,
        checksum: randomBase62(8),
        candidates: [{ id: "c-old", name: "Old Mutual Casualty", last_verified: "2026-11-25" }],
      },
    });
    await db.pool.update({ where: { id: own.poolId }, data: { currentVersionId: v2 } });
    const after = parsed(StaleCarriersResponse, await stale(a, own.key, q));
    expect([after.pool_version, after.evaluations, after.data]).toEqual([2, 3, []]);
  });

  it("a request reads a bounded number of results into the index and says whether it is complete; the next one reads on", async () => {
    const own = await pool(a);
    for (const day of ["03", "04", "05"]) await evaluation(a, own, ["c-old"], `2026-11-${day}T10:00:00Z`);
    const q = StaleCarriersQuery.parse({ as_of: AS_OF, period_days: "30", top: "1", min_appearances: "1" });
    const first = await staleCarriers(db, a.org.id, own.key, q, { today: new Date(0), indexLimit: 2 });
    expect([first.complete, first.evaluations, first.data.map((c) => c.appearances)]).toEqual([false, 2, [2]]);
    const second = await staleCarriers(db, a.org.id, own.key, q, { today: new Date(0), indexLimit: 2 });
    expect([second.complete, second.evaluations, second.data.map((c) => c.appearances)]).toEqual([true, 3, [3]]);
    expect(parsed(StaleCarriersResponse, await stale(a, own.key, { period_days: 30, top: 1, min_appearances: 1 })).complete).toBe(true);
  });

  it("another organization's pool is 404 and its evaluations never count; bad thresholds are 400", async () => {
    expectError(await stale(b, p.key), 404, "not_found");
    expectError(await stale(a, "nobody:nothing"), 404, "not_found");
    const theirs = await pool(b);
    await evaluation(b, theirs, ["c-old"], "2026-11-03T10:00:00Z");
    expect(parsed(StaleCarriersResponse, await stale(b, theirs.key, { period_days: 30, min_appearances: 1 })).evaluations).toBe(1);
    const err = expectError(await stale(a, p.key, { top: 26, period_days: 0, as_of: "yesterday", format: "xml" }), 400, "invalid_request");
    expect(err.details.map((d) => d.path).sort()).toEqual(["as_of", "format", "period_days", "top"]);
  });

  it("a shared demo pool works too (nothing evaluated on it here: an empty list)", async () => {
    const r = parsed(StaleCarriersResponse, await stale(b, "carriers:all", { period_days: 30 }));
    expect([r.evaluations, r.total, r.data]).toEqual([0, 0, []]);
  });
});
