import { beforeAll, describe, expect, it } from "vitest";
import * as planRoute from "@/app/api/v1/jobs/[evalId]/plan/route";
import * as eventsRoute from "@/app/api/v1/jobs/[evalId]/plan/[carrierId]/events/route";
import * as statsRoute from "@/app/api/v1/markets/stats/route";
import { createPrisma } from "@/lib/db/client";
import { DECLINE_REASONS } from "@/lib/plan/machine";
import { PlanView } from "@/lib/plan/schemas";
import { DAYS_BUCKETS, MarketStatsResponse, type MarketFigures } from "@/lib/markets/schemas";
import { call, expectError, parsed } from "@/tests/api/helpers";
import { newOrg, testDb } from "@/tests/setup/db";
import { storedJob } from "@/tests/setup/stored-job";

// GET /api/v1/markets/stats against the raw plan data: plans are built through the plan API with
// known outcomes (event times then set to known days), and the figures the Markets page reads must
// equal (a) hand-computed values and (b) a plain recount of the plans' event histories read back
// through GET …/plan. Another organization sees none of it; paging and bad queries answer in the
// error shape.

type Org = Awaited<ReturnType<typeof newOrg>>;
const db = process.env.NEXIO_TEST_DB === "pg" ? testDb() : createPrisma(process.env.DATABASE_URL, 1);

const CANDIDATES = ["one", "two", "three", "four"].map((n, i) => ({
  id: `mk-${n}`,
  name: `Market ${n[0].toUpperCase()}${n.slice(1)}`,
  market: "admitted",
  tier: "STRONG_FIT",
  confidence: "HIGH",
  scores: {},
  reasoning: "fits",
  score: 90 - i,
}));

const completedJob = (o: Org, line: string, state: string) =>
  storedJob(o.org.id, { profile: { entity: "Stats Co", state, line, revenue: 1_000_000 }, candidates: CANDIDATES, poolSize: 4, filtered: 4 });

type Step = [status: string, day: string, extra?: Record<string, unknown>];

/** A plan on a new job, each carrier taken through its steps by the API; each step's event is then dated at its day. */
async function plan(o: Org, line: string, state: string, carriers: Record<string, Step[]>) {
  const id = await completedJob(o, line, state);
  const put = await call(planRoute.PUT, `/api/v1/jobs/${id}/plan`, {
    method: "PUT",
    key: o.key,
    body: { entries: Object.keys(carriers).map((c) => ({ carrier_id: c })) },
    params: { evalId: id },
  });
  expect(put.status, put.text).toBe(200);
  for (const [carrierId, steps] of Object.entries(carriers)) {
    for (const [status, day, extra] of steps) {
      const body = status === "quoted" ? { status, premium: 10_000, ...extra } : status === "declined" ? { status, reason: "other", ...extra } : { status };
      const res = await call(eventsRoute.POST, `/api/v1/jobs/${id}/plan/${carrierId}/events`, { key: o.key, body, params: { evalId: id, carrierId } });
      expect(res.status, res.text).toBe(201);
      await db.planEvent.updateMany({ where: { jobId: id, carrierId, toStatus: status as never, kind: "status" }, data: { createdAt: new Date(day) } });
    }
  }
  return id;
}

const stats = (o: Org, query = "") => call(statsRoute.GET, `/api/v1/markets/stats${query}`, { key: o.key });

let a: Org;
let b: Org;
const jobs: { id: string; line: string; state: string }[] = [];

beforeAll(async () => {
  [a, b] = await Promise.all([newOrg("markets-a"), newOrg("markets-b")]);
  const gl = ["general_liability", "CA"] as const;
  const pr = ["property", "TX"] as const;
  const add = async (line: string, state: string, carriers: Record<string, Step[]>) => jobs.push({ id: await plan(a, line, state, carriers), line, state });
  await add(...gl, {
    "mk-one": [
      ["submitted", "2026-01-05T09:00:00Z"],
      ["quoted", "2026-01-07T09:00:00Z"],
      ["bound", "2026-01-09T09:00:00Z"],
    ],
    "mk-two": [
      ["submitted", "2026-01-05T09:00:00Z"],
      ["declined", "2026-01-06T09:00:00Z", { reason: "capacity" }],
    ],
    "mk-three": [
      ["submitted", "2026-01-05T09:00:00Z"],
      ["no_response", "2026-01-25T09:00:00Z"],
    ],
    "mk-four": [], // planned only: not a submission
  });
  await add(...gl, {
    "mk-one": [
      ["submitted", "2026-01-10T00:00:00Z"],
      ["quoted", "2026-01-20T00:00:00Z"],
    ],
  });
  await add(...pr, {
    "mk-one": [
      ["submitted", "2026-01-12T00:00:00Z"],
      ["declined", "2026-01-13T00:00:00Z", { reason: "loss_history" }],
    ],
    "mk-two": [
      ["submitted", "2025-12-20T00:00:00Z"],
      ["quoted", "2026-01-02T00:00:00Z"],
    ], // submitted before the period
    "mk-three": [
      ["submitted", "2026-01-31T23:59:00Z"],
      ["no_response", "2026-02-20T00:00:00Z"],
      ["quoted", "2026-02-25T00:00:00Z"],
    ], // a late quote
  });
  // Another organization, same carriers and days: never in a's figures.
  await plan(b, ...gl, {
    "mk-one": [
      ["submitted", "2026-01-05T00:00:00Z"],
      ["quoted", "2026-01-06T00:00:00Z"],
    ],
  });
});

const zeroReasons = () => Object.fromEntries(DECLINE_REASONS.map((r) => [r, 0]));
const zeroBuckets = () => Object.fromEntries(DAYS_BUCKETS.map(([l]) => [l, 0]));

describe("GET /api/v1/markets/stats", () => {
  it("per carrier × line × state: the hand-computed figures, most submissions first", async () => {
    const res = await stats(a, "?from=2026-01-01&to=2026-01-31");
    expect(res.status, res.text).toBe(200);
    const body = parsed(MarketStatsResponse, res);
    expect(body).toMatchObject({ from: "2026-01-01", to: "2026-01-31", total: 5, has_more: false });
    expect(body.data.map((r) => [r.carrier_id, r.line, r.state, r.submissions])).toEqual([
      ["mk-one", "general_liability", "CA", 2],
      ["mk-one", "property", "TX", 1],
      ["mk-three", "general_liability", "CA", 1],
      ["mk-three", "property", "TX", 1],
      ["mk-two", "general_liability", "CA", 1],
    ]);
    expect(body.data[0]).toEqual({
      carrier_id: "mk-one",
      carrier_name: "Market One",
      line: "general_liability",
      state: "CA",
      submissions: 2,
      quotes: 2,
      quote_rate: 1,
      declines: 0,
      decline_reasons: zeroReasons(),
      no_response: 0,
      binds: 1,
      bind_rate: 0.5,
      median_days_to_quote: 6,
      days_to_quote: { ...zeroBuckets(), "2-3": 1, "8-14": 1 },
    });
    expect(body.data[4]).toMatchObject({
      carrier_id: "mk-two",
      quotes: 0,
      quote_rate: 0,
      declines: 1,
      decline_reasons: { ...zeroReasons(), capacity: 1 },
      bind_rate: null,
      median_days_to_quote: null,
    });
    // Marked no response, then quoted late: a quote (25 days), not a no-response.
    expect(body.data[3]).toMatchObject({ carrier_id: "mk-three", state: "TX", quotes: 1, no_response: 0, days_to_quote: { ...zeroBuckets(), "15-30": 1 } });
    expect(body.data[2]).toMatchObject({ carrier_id: "mk-three", state: "CA", quotes: 0, no_response: 1 });
    expect(body.totals).toEqual({
      submissions: 6,
      quotes: 3,
      quote_rate: 0.5,
      declines: 2,
      decline_reasons: { ...zeroReasons(), capacity: 1, loss_history: 1 },
      no_response: 1,
      binds: 1,
      bind_rate: 0.3333,
      median_days_to_quote: 10,
      days_to_quote: { ...zeroBuckets(), "2-3": 1, "8-14": 1, "15-30": 1 },
    });
  });

  it("agrees with a recount of the raw plan histories (GET …/plan) for the same period", async () => {
    const body = parsed(MarketStatsResponse, await stats(a, "?from=2026-01-01&to=2026-01-31&limit=100"));
    const inPeriod = (at: string) => at >= "2026-01-01" && at < "2026-02-01";
    const recount = new Map<string, { submissions: number; quotes: number; declines: number; binds: number; no_response: number; days: number[] }>();
    for (const job of jobs) {
      const p = parsed(PlanView, await call(planRoute.GET, `/api/v1/jobs/${job.id}/plan`, { key: a.key, params: { evalId: job.id } }));
      for (const e of p.entries) {
        const sub = e.events.find((ev) => ev.kind === "status" && ev.to === "submitted");
        if (!sub || !inPeriod(sub.at)) continue;
        const k = `${e.carrier_id}|${job.line}|${job.state}`;
        const r = recount.get(k) ?? { submissions: 0, quotes: 0, declines: 0, binds: 0, no_response: 0, days: [] };
        const quote = e.events.find((ev) => ev.to === "quoted" && ev.kind === "status");
        const declined = e.events.some((ev) => ev.to === "declined");
        r.submissions++;
        if (quote) {
          r.quotes++;
          r.days.push((Date.parse(quote.at) - Date.parse(sub.at)) / 86_400_000);
        }
        if (declined) r.declines++;
        if (e.events.some((ev) => ev.to === "bound")) r.binds++;
        if (!quote && !declined && e.events.some((ev) => ev.to === "no_response")) r.no_response++;
        recount.set(k, r);
      }
    }
    const median = (xs: number[]) => {
      if (!xs.length) return null;
      const s = [...xs].sort((x, y) => x - y);
      const m = s.length >> 1;
      return Math.round((s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) * 10) / 10;
    };
    expect(body.total).toBe(recount.size);
    for (const row of body.data) {
      const r = recount.get(`${row.carrier_id}|${row.line}|${row.state}`)!;
      const got: Partial<MarketFigures> = {
        submissions: row.submissions,
        quotes: row.quotes,
        declines: row.declines,
        binds: row.binds,
        no_response: row.no_response,
        median_days_to_quote: row.median_days_to_quote,
      };
      expect(got, `${row.carrier_id} ${row.line} ${row.state}`).toEqual({
        submissions: r.submissions,
        quotes: r.quotes,
        declines: r.declines,
        binds: r.binds,
        no_response: r.no_response,
        median_days_to_quote: median(r.days),
      });
    }
  });

  it("filters by carrier, line and state; the period bounds are whole UTC days", async () => {
    let body = parsed(MarketStatsResponse, await stats(a, "?from=2026-01-01&to=2026-01-31&carrier=mk-one"));
    expect(body.data.map((r) => [r.line, r.state])).toEqual([
      ["general_liability", "CA"],
      ["property", "TX"],
    ]);
    body = parsed(MarketStatsResponse, await stats(a, "?from=2026-01-01&to=2026-01-31&line=property&state=TX"));
    expect(body.data.map((r) => r.carrier_id)).toEqual(["mk-one", "mk-three"]);
    expect(body.totals.submissions).toBe(2);
    // 2025-12-20 is in December's period; 2026-01-31 23:59 is in a period ending that day.
    body = parsed(MarketStatsResponse, await stats(a, "?from=2025-12-01&to=2025-12-31"));
    expect(body.data).toEqual([expect.objectContaining({ carrier_id: "mk-two", state: "TX", quotes: 1, median_days_to_quote: 13 })]);
    body = parsed(MarketStatsResponse, await stats(a, "?from=2026-01-31&to=2026-01-31"));
    expect(body.data.map((r) => r.carrier_id)).toEqual(["mk-three"]);
  });

  it("pages with limit and offset; totals always cover every row", async () => {
    const all = parsed(MarketStatsResponse, await stats(a, "?from=2026-01-01&to=2026-01-31"));
    const p1 = parsed(MarketStatsResponse, await stats(a, "?from=2026-01-01&to=2026-01-31&limit=2"));
    const p3 = parsed(MarketStatsResponse, await stats(a, "?from=2026-01-01&to=2026-01-31&limit=2&offset=4"));
    const past = parsed(MarketStatsResponse, await stats(a, "?from=2026-01-01&to=2026-01-31&limit=2&offset=10"));
    expect([p1.data.length, p1.has_more, p1.total]).toEqual([2, true, 5]);
    expect([p3.data.length, p3.has_more, p3.total]).toEqual([1, false, 5]);
    expect([past.data.length, past.has_more, past.total]).toEqual([0, false, 5]);
    expect([...p1.data, ...parsed(MarketStatsResponse, await stats(a, "?from=2026-01-01&to=2026-01-31&limit=2&offset=2")).data, ...p3.data]).toEqual(all.data);
    expect(p3.totals).toEqual(all.totals);
  });

  it("another organization sees only its own plans", async () => {
    const body = parsed(MarketStatsResponse, await stats(b, "?from=2026-01-01&to=2026-01-31"));
    expect(body.data.map((r) => [r.carrier_id, r.submissions, r.quotes])).toEqual([["mk-one", 1, 1]]);
    expect(body.totals.submissions).toBe(1);
    const fresh = await newOrg("markets-c");
    const none = parsed(MarketStatsResponse, await stats(fresh, "?from=2026-01-01&to=2026-01-31"));
    expect(none).toMatchObject({ total: 0, has_more: false, data: [], totals: { submissions: 0, quote_rate: null, median_days_to_quote: null } });
  });

  it.each([
    ["?from=2026-02-01&to=2026-01-01", "from", "period_reversed"],
    ["?from=2020-01-01&to=2026-01-01", "from", "period_too_long"],
    ["?from=2026-02-30", "from", "custom"],
    ["?to=yesterday", "to", "invalid_format"],
    ["?limit=0", "limit", "too_small"],
    ["?limit=101", "limit", "too_big"],
    ["?offset=-1", "offset", "too_small"],
    ["?line=boats", "line", "invalid_value"],
    ["?state=ZZ", "state", "invalid_value"],
    ["?carrier=%20x", "carrier", "invalid_format"],
    ["?sort=name", "", "unrecognized_keys"],
  ])("%s → 400 with the path %s", async (query, path, code) => {
    const err = expectError(await stats(a, query), 400, "invalid_request");
    expect(err.details).toContainEqual(expect.objectContaining({ path, code }));
  });

  it("needs a key or a session (401 in the error shape)", async () => {
    expectError(await call(statsRoute.GET, "/api/v1/markets/stats", { key: null }), 401, "unauthorized");
  });
});
