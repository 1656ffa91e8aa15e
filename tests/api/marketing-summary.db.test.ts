import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as planRoute from "@/app/api/v1/jobs/[evalId]/plan/route";
import * as eventsRoute from "@/app/api/v1/jobs/[evalId]/plan/[carrierId]/events/route";
import * as summaryRoute from "@/app/api/v1/jobs/[evalId]/plan/summary/route";
import * as shareLinks from "@/app/api/v1/jobs/[evalId]/share-links/route";
import * as shareLink from "@/app/api/v1/share-links/[id]/route";
import { newEvalId, newId, randomBase62 } from "@/lib/ids";
import { gzipJson } from "@/lib/jobs/result-codec";
import { PlanView } from "@/lib/plan/schemas";
import { MarketingSummaryView } from "@/lib/plan/summary-schemas";
import { summaryForShareToken } from "@/lib/plan/shared-summary";
import { resolveShareToken } from "@/lib/share/links";
import { CreatedShareLink, ShareLinkList } from "@/lib/share/schemas";
import { call, expectError, parsed } from "@/tests/api/helpers";
import { newOrg, testDb } from "@/tests/setup/db";

// The marketing summary (issue #12 item 3): its contents for a plan with two declinations and a
// quote, the broker's recommended mark, and the share link of kind "marketing_summary" (opens the
// summary signed out, never the trace; revoked and expired links open nothing; another
// organization gets 404).

type Org = Awaited<ReturnType<typeof newOrg>>;
const db = testDb();

const RESULT = [
  { id: "adm-1", name: "Admitted One", market: "admitted", tier: "STRONG_FIT", confidence: "HIGH", reasoning: "Targets the class in CA." },
  { id: "adm-2", name: "Admitted Two", market: "admitted", tier: "STRONG_FIT", confidence: "MEDIUM", reasoning: "Writes the size band." },
  { id: "adm-3", name: "Admitted Three", market: "admitted", tier: "MODERATE_FIT", confidence: "MEDIUM", reasoning: "Considers the class." },
  {
    id: "sl-1",
    name: "Surplus Specialty",
    market: "surplus_lines",
    tier: "STRONG_FIT",
    confidence: "HIGH",
    reasoning: "E&S market with capacity for the limit.",
    surplus_lines: { declinations_required: 2, tax_rate: 0.03, stamping_fee_rate: 0.0018, source: "test" },
  },
].map((c, i) => ({ ...c, scores: {}, score: 90 - i }));

// What the pool version says about each carrier's financial strength.
const POOL = [
  { id: "adm-1", name: "Admitted One", am_best_rating: "A", financial_size: "X", am_best_outlook: "stable" },
  { id: "adm-2", name: "Admitted Two", am_best_rating: "A-", financial_size: "VIII", am_best_outlook: "stable" },
  { id: "adm-3", name: "Admitted Three", am_best_rating: "A+", financial_size: "XV", am_best_outlook: "positive" },
  { id: "sl-1", name: "Surplus Specialty", am_best_rating: "A", financial_size: "IX", am_best_outlook: "negative" },
];

const PROFILE = {
  entity: "Harbor Freight LLC",
  state: "CA",
  line: "general_liability",
  revenue: 4_500_000,
  naics: "484110",
  requested_limit: 1_000_000,
  internal: "x",
};

async function completedJob(o: Org) {
  const poolId = newId("pool");
  const versionId = newId("pv");
  await db.pool.create({
    data: { id: poolId, key: `${o.org.slug}:p-${randomBase62(6).toLowerCase()}`, organizationId: o.org.id, domain: "carriers", name: "Test" },
  });
  await db.poolVersion.create({ data: { id: versionId, poolId, version: 1, size: POOL.length, checksum: randomBase62(10), candidates: POOL } });
  const job = await db.job.create({
    data: {
      id: newEvalId(),
      organizationId: o.org.id,
      poolId,
      poolVersionId: versionId,
      poolKey: "test",
      profile: PROFILE,
      entity: PROFILE.entity,
      status: "completed",
      completedAt: new Date("2026-11-20T10:00:00Z"),
    },
  });
  await db.jobResult.create({
    data: {
      jobId: job.id,
      engineVersion: "test",
      poolSize: 4,
      filtered: 4,
      result: gzipJson({ pool_size: 4, filtered: 4, candidates: RESULT }),
      trace: gzipJson({}),
      timings: {},
    },
  });
  return job.id;
}

const putPlan = (o: Org, evalId: string, body: unknown) =>
  call(planRoute.PUT, `/api/v1/jobs/${evalId}/plan`, { method: "PUT", key: o.key, body, params: { evalId } });
const event = async (o: Org, evalId: string, carrierId: string, body: unknown) => {
  const res = await call(eventsRoute.POST, "/x", { key: o.key, body, params: { evalId, carrierId } });
  expect(res.status, res.text).toBe(201);
};
const summary = (o: Org, evalId: string) => call(summaryRoute.GET, `/api/v1/jobs/${evalId}/plan/summary`, { key: o.key, params: { evalId } });
const createLink = (o: Org, evalId: string, body: unknown) => call(shareLinks.POST, "/x", { key: o.key, body, params: { evalId } });

/** Two admitted declinations and a surplus-lines quote; adm-3 planned, not approached. */
async function planWithTwoDeclinationsAndAQuote(o: Org) {
  const id = await completedJob(o);
  expect((await putPlan(o, id, { entries: ["adm-1", "adm-2", "sl-1", "adm-3"].map((carrier_id) => ({ carrier_id })) })).status).toBe(200);
  for (const c of ["adm-1", "adm-2", "sl-1"]) await event(o, id, c, { status: "submitted" });
  await event(o, id, "adm-1", { status: "declined", reason: "capacity", reason_text: "line is full for the year" });
  await event(o, id, "adm-2", { status: "declined", reason: "loss_history" });
  await event(o, id, "sl-1", { status: "quoted", premium: 12_500, limit: 1_000_000, retention: 10_000, expiry: "2027-01-31" });
  return id;
}

let a: Org;
let b: Org;
beforeAll(async () => {
  [a, b] = await Promise.all([newOrg("sum-a"), newOrg("sum-b")]);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("GET /api/v1/jobs/{eval_id}/plan/summary", () => {
  it("a plan with two declinations and a quote: profile in brief, markets approached with outcomes, the quote with AM Best, the recommendation and why", async () => {
    const id = await planWithTwoDeclinationsAndAQuote(a);
    const s = parsed(MarketingSummaryView, await summary(a, id));
    expect(s.profile).toEqual({
      entity: "Harbor Freight LLC",
      state: "CA",
      line: "general_liability",
      naics: "484110",
      revenue: 4_500_000,
      requested_limit: 1_000_000,
    });
    expect(s.evaluated_at).toBe("2026-11-20T10:00:00.000Z");
    expect(s.markets.map((m) => [m.carrier_id, m.market, m.status, m.decline_reason, m.decline_text, m.tier])).toEqual([
      ["adm-1", "admitted", "declined", "capacity", "line is full for the year", "STRONG_FIT"],
      ["adm-2", "admitted", "declined", "loss_history", null, "STRONG_FIT"],
      ["sl-1", "surplus_lines", "quoted", null, null, "STRONG_FIT"],
    ]);
    for (const m of s.markets) {
      expect(m.submitted_at).not.toBeNull();
      expect(Date.parse(m.outcome_at!)).toBeGreaterThanOrEqual(Date.parse(m.submitted_at!));
    }
    expect(s.quotes).toEqual([
      expect.objectContaining({
        carrier_id: "sl-1",
        market: "surplus_lines",
        status: "quoted",
        premium: 12_500,
        limit: 1_000_000,
        retention: 10_000,
        expiry: "2027-01-31",
        am_best_rating: "A",
        financial_size: "IX",
        am_best_outlook: "negative",
        recommended: false,
      }),
    ]);
    expect(s.recommendation).toEqual({
      carrier_id: "sl-1",
      carrier_name: "Surplus Specialty",
      source: "best_tier",
      tier: "STRONG_FIT",
      confidence: "HIGH",
      rank: 4,
      reasoning: "E&S market with capacity for the limit.",
    });
    expect(s.diligent_search).toEqual({ state: "CA", required: 2, recorded: 2, cleared: true, exemptions: [] });
  });

  it("quotes side by side, lowest premium first; the best tier is recommended by default, the broker's mark wins and is recorded", async () => {
    const id = await planWithTwoDeclinationsAndAQuote(a);
    await event(a, id, "adm-3", { status: "submitted" });
    await event(a, id, "adm-3", { status: "quoted", premium: 9_800, limit: 1_000_000 });
    let s = parsed(MarketingSummaryView, await summary(a, id));
    expect(s.quotes.map((q) => [q.carrier_id, q.premium, q.am_best_rating, q.retention])).toEqual([
      ["adm-3", 9_800, "A+", null],
      ["sl-1", 12_500, "A", 10_000],
    ]);
    expect(s.recommendation).toMatchObject({ carrier_id: "sl-1", source: "best_tier" }); // strong fit beats the cheaper moderate fit

    const entries = ["adm-1", "adm-2", "sl-1", "adm-3"].map((carrier_id) => ({ carrier_id }));
    const res = await putPlan(a, id, { entries, recommended: "adm-3" });
    expect(res.status, res.text).toBe(200);
    const plan = parsed(PlanView, res);
    expect(plan.entries.filter((e) => e.recommended).map((e) => e.carrier_id)).toEqual(["adm-3"]);
    expect(plan.entries.find((e) => e.carrier_id === "adm-3")!.events.at(-1)).toMatchObject({ kind: "updated", changes: { recommended: [false, true] } });
    s = parsed(MarketingSummaryView, await summary(a, id));
    expect(s.recommendation).toMatchObject({ carrier_id: "adm-3", source: "broker", tier: "MODERATE_FIT", rank: 3, reasoning: "Considers the class." });
    expect(s.quotes.find((q) => q.carrier_id === "adm-3")!.recommended).toBe(true);

    // Moving the mark records both sides; a declined carrier cannot be recommended; null clears it.
    const moved = parsed(PlanView, await putPlan(a, id, { entries, recommended: "sl-1" }));
    expect(moved.entries.find((e) => e.carrier_id === "adm-3")!.events.at(-1)!.changes).toEqual({ recommended: [true, false] });
    const err = expectError(await putPlan(a, id, { entries, recommended: "adm-1" }), 400, "invalid_request");
    expect(err.details).toEqual([expect.objectContaining({ path: "recommended", code: "not_quoted" })]);
    await putPlan(a, id, { entries, recommended: null });
    expect(parsed(MarketingSummaryView, await summary(a, id)).recommendation).toMatchObject({ carrier_id: "sl-1", source: "best_tier" });
  });

  it("a plan without quotes has no recommendation; a job without a plan has an empty summary", async () => {
    const id = await completedJob(a);
    const s = parsed(MarketingSummaryView, await summary(a, id));
    expect([s.markets, s.quotes, s.recommendation, s.diligent_search]).toEqual([[], [], null, null]);
  });

  it("another organization's job is 404", async () => {
    const id = await planWithTwoDeclinationsAndAQuote(a);
    expectError(await summary(b, id), 404, "not_found");
    expectError(await call(summaryRoute.GET, "/x", { key: a.key, params: { evalId: "not-an-id" } }), 404, "not_found");
  });
});

describe("share links of kind marketing_summary", () => {
  it("open the summary signed out at /share/summary/{token}, never the trace; a trace link never opens the summary", async () => {
    const id = await planWithTwoDeclinationsAndAQuote(a);
    const res = await createLink(a, id, { kind: "marketing_summary", expires_in_days: 7 });
    expect(res.status, res.text).toBe(201);
    const link = parsed(CreatedShareLink, res);
    expect(link.kind).toBe("marketing_summary");
    expect(link.url).toBe(`http://localhost:3000/share/summary/${link.token}`);

    const opened = await summaryForShareToken(link.token);
    expect(opened?.orgName).toBe(a.org.name);
    expect(opened?.expiresAt).toBe(link.expires_at);
    expect(opened?.summary).toEqual(parsed(MarketingSummaryView, await summary(a, id)));
    expect(await resolveShareToken(db, link.token)).toBeNull(); // the trace's resolver: kind "trace" only

    const trace = parsed(CreatedShareLink, await createLink(a, id, { expires_in_days: 7 }));
    expect(trace.kind).toBe("trace");
    expect(trace.url).toBe(`http://localhost:3000/share/${trace.token}`);
    expect(await summaryForShareToken(trace.token)).toBeNull();
    expect(await resolveShareToken(db, trace.token)).toEqual({ organizationId: a.org.id, evalId: id });

    // Listing by kind keeps the trace's share panel and the summary's apart.
    const byKind = async (kind: string) =>
      parsed(ShareLinkList, await call(shareLinks.GET, `/api/v1/jobs/${id}/share-links?kind=${kind}`, { key: a.key, params: { evalId: id } })).data.map(
        (l) => l.id,
      );
    expect(await byKind("marketing_summary")).toEqual([link.id]);
    expect(await byKind("trace")).toEqual([trace.id]);
    const all = parsed(ShareLinkList, await call(shareLinks.GET, `/api/v1/jobs/${id}/share-links`, { key: a.key, params: { evalId: id } }));
    expect(all.data.map((l) => [l.id, l.kind]).sort()).toEqual(
      [
        [link.id, "marketing_summary"],
        [trace.id, "trace"],
      ].sort(),
    );
  });

  it("revoked → opens nothing (the page answers 404 like a gone trace link)", async () => {
    const id = await planWithTwoDeclinationsAndAQuote(a);
    const link = parsed(CreatedShareLink, await createLink(a, id, { kind: "marketing_summary", expires_in_days: 1 }));
    expect(await summaryForShareToken(link.token)).not.toBeNull();
    expect((await call(shareLink.DELETE, "/x", { method: "DELETE", key: a.key, params: { id: link.id } })).status).toBe(204);
    expect(await summaryForShareToken(link.token)).toBeNull();
  });

  it("expired → opens nothing", async () => {
    const id = await planWithTwoDeclinationsAndAQuote(a);
    const link = parsed(CreatedShareLink, await createLink(a, id, { kind: "marketing_summary", expires_in_days: 1 }));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse(link.expires_at) - 1000);
    expect(await summaryForShareToken(link.token)).not.toBeNull();
    vi.setSystemTime(Date.parse(link.expires_at) + 1000);
    expect(await summaryForShareToken(link.token)).toBeNull();
  });

  it("another organization cannot make, list or revoke one (404); an unknown kind is 400", async () => {
    const id = await planWithTwoDeclinationsAndAQuote(a);
    const link = parsed(CreatedShareLink, await createLink(a, id, { kind: "marketing_summary", expires_in_days: 1 }));
    expectError(await createLink(b, id, { kind: "marketing_summary", expires_in_days: 1 }), 404, "not_found");
    expectError(await call(shareLinks.GET, "/x", { key: b.key, params: { evalId: id } }), 404, "not_found");
    expectError(await call(shareLink.DELETE, "/x", { method: "DELETE", key: b.key, params: { id: link.id } }), 404, "not_found");
    expect(await summaryForShareToken(link.token)).not.toBeNull();
    expectError(await createLink(a, id, { kind: "plan", expires_in_days: 1 }), 400, "invalid_request");
    expect(await summaryForShareToken("not-a-token")).toBeNull();
  });
});
