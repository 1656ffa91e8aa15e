import { describe, expect, it } from "vitest";
import { marketingSummary, type RankedFacts } from "@/lib/plan/summary";
import type { PlanEntryView, PlanEventView, PlanView } from "@/lib/plan/schemas";
import type { PlanStatus } from "@/lib/plan/machine";

// The marketing summary's pure builder: which markets count as approached, quotes by premium, and
// the recommendation's order of precedence (broker's mark → bound → best tier, then rank).

const ev = (to: PlanStatus, at: string, extra: Partial<PlanEventView> = {}): PlanEventView => ({
  id: at,
  kind: "status",
  actor: "user:dana@example.test",
  at,
  from: null,
  to,
  quote: null,
  declination: null,
  note: null,
  changes: null,
  sl_exemption: null,
  ...extra,
});
const quoted = (premium: number) => ev("quoted", "2026-11-04T10:00:00.000Z", { quote: { premium, limit: 1e6, retention: null, expiry: null } });
const entry = (id: string, status: PlanStatus, events: PlanEventView[], recommended = false): PlanEntryView => ({
  carrier_id: id,
  carrier_name: id.toUpperCase(),
  market: "admitted",
  order: 0,
  responsible: null,
  target_date: null,
  status,
  allowed_next: [],
  sl_cleared: null,
  recommended,
  updated_at: "",
  events: [{ ...ev("planned", "2026-11-01T00:00:00.000Z"), kind: "added" }, ...events],
});
const sent = ev("submitted", "2026-11-02T10:00:00.000Z");
const ranked = new Map<string, RankedFacts>([
  ["a", { tier: "MODERATE_FIT", confidence: "HIGH", reasoning: "a fits", rank: 1 }],
  ["b", { tier: "STRONG_FIT", confidence: "MEDIUM", reasoning: "b fits", rank: 3 }],
  ["c", { tier: "STRONG_FIT", confidence: "LOW", reasoning: "c fits", rank: 2 }],
  ["d", { tier: "WEAK_FIT", confidence: "LOW", reasoning: "d fits", rank: 4 }],
]);
const plan = (entries: PlanEntryView[]): PlanView => ({ eval_id: "eval_x", entries, diligent_search: null });
const build = (entries: PlanEntryView[]) =>
  marketingSummary({ plan: plan(entries), profile: { entity: "x", secret: "no" }, evaluatedAt: null, ranked, strength: new Map() });

describe("marketingSummary", () => {
  it("lists only markets with a submission; quotes lowest premium first; unknown profile fields left out", () => {
    const s = build([
      entry("a", "quoted", [sent, quoted(900)]),
      entry("b", "planned", []),
      entry("c", "quoted", [sent, quoted(700)]),
      entry("d", "no_response", [sent, ev("no_response", "2026-11-09T00:00:00.000Z")]),
    ]);
    expect(s.profile).toEqual({ entity: "x" });
    expect(s.markets.map((m) => [m.carrier_id, m.status, m.outcome_at])).toEqual([
      ["a", "quoted", "2026-11-04T10:00:00.000Z"],
      ["c", "quoted", "2026-11-04T10:00:00.000Z"],
      ["d", "no_response", "2026-11-09T00:00:00.000Z"],
    ]);
    expect(s.quotes.map((q) => [q.carrier_id, q.premium, q.am_best_rating])).toEqual([
      ["c", 700, null],
      ["a", 900, null],
    ]);
  });

  it("recommends the best tier, then the higher rank, by default", () => {
    const s = build([entry("a", "quoted", [sent, quoted(500)]), entry("b", "quoted", [sent, quoted(900)]), entry("c", "quoted", [sent, quoted(800)])]);
    expect(s.recommendation).toEqual({
      carrier_id: "c",
      carrier_name: "C",
      source: "best_tier",
      tier: "STRONG_FIT",
      confidence: "LOW",
      rank: 2,
      reasoning: "c fits",
    });
  });

  it("a bound quote beats the best tier; the broker's mark beats both", () => {
    const bound = entry("d", "bound", [sent, quoted(950), ev("bound", "2026-11-10T00:00:00.000Z")]);
    expect(build([entry("c", "quoted", [sent, quoted(800)]), bound]).recommendation).toMatchObject({ carrier_id: "d", source: "bound" });
    expect(build([entry("c", "quoted", [sent, quoted(800)]), bound, entry("a", "quoted", [sent, quoted(500)], true)]).recommendation).toMatchObject({
      carrier_id: "a",
      source: "broker",
      reasoning: "a fits",
    });
  });

  it("a withdrawn quote is no longer a quote; no quote, no recommendation", () => {
    const s = build([entry("c", "withdrawn", [sent, quoted(800), ev("withdrawn", "2026-11-05T00:00:00.000Z")], true)]);
    expect([s.quotes, s.recommendation, s.markets.map((m) => m.status)]).toEqual([[], null, ["withdrawn"]]);
  });
});
