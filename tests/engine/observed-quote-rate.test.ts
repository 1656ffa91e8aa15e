import { describe, expect, it } from "vitest";
import { evaluate, explain, type ObservedMarket, type RuleOverrides } from "@/lib/engine";
import { AS_OF, FULL_PROFILE, carrier } from "./fixtures";

// The opt-in observed-quote-rate rule (engine 2.1, issue #12): with the rule on and at least N
// submissions, the organization's own quote rate for a carrier in the profile's line stands in for
// the published hit ratio in placement, and that can change the ranking; under N, or with the rule
// off, nothing changes. The trace records the figures it was given and the evidence says why.

// Placement from the hit ratio only: 6-day quotes, no authority, e-mail submissions.
const slow = { quote_turnaround_days: 6, binding_authority: false, submission_channel: "email" as const };
const alder = carrier({ id: "car_alder", name: "Alder Mutual", placement: { ...slow, hit_ratio: 0.4 } });
const birch = carrier({ id: "car_birch", name: "Birch Casualty", placement: { ...slow, hit_ratio: 0.1 } });
const POOL = [alder, birch];

const ON: RuleOverrides = { placement: { observed_quote_rate: { enabled: true } } };
const observed = (birchSubmissions: number, birchQuotes: number): ObservedMarket => ({
  line: FULL_PROFILE.line,
  since: "2025-11-28T00:00:00.000Z",
  until: AS_OF,
  figures: { car_alder: { submissions: 6, quotes: 0 }, car_birch: { submissions: birchSubmissions, quotes: birchQuotes } },
});
const run = (rules?: RuleOverrides, obs?: ObservedMarket) =>
  evaluate("carriers", FULL_PROFILE, POOL, { asOf: AS_OF, rules, ...(obs ? { observed: obs } : {}) });
const order = (r: ReturnType<typeof run>) => r.result.candidates.map((c) => [c.name, c.scores.placement, c.score]);

describe("observed quote rate rule", () => {
  it("is off by default: the published hit ratios rank Alder first, with or without figures, and the trace records none", () => {
    const base = run();
    expect(order(base)).toEqual([
      ["Alder Mutual", "L2", 97],
      ["Birch Casualty", "L4", 91],
    ]);
    const given = run(undefined, observed(6, 5));
    expect(given).toEqual(base);
    expect(given.trace).not.toHaveProperty("observed_market");
  });

  it("on, with at least N submissions: the observed rates swap the ranking, and the trace says why", () => {
    const r = run(ON, observed(6, 5));
    expect(order(r)).toEqual([
      ["Birch Casualty", "L2", 97],
      ["Alder Mutual", "L4", 91],
    ]);
    expect(r.trace.observed_market).toEqual(observed(6, 5));
    expect(r.trace.notes).toEqual([expect.stringMatching(/^Observed quote rate rule on: .* at least 5 submissions in .*\(2 of 2 carriers with figures/)]);
    const ex = explain("carriers", FULL_PROFILE, birch, { asOf: AS_OF, rules: ON, observed: r.trace.observed_market });
    if (!ex.eligible) throw new Error("filtered");
    const p = ex.dimensions.placement;
    expect(p.rule).toBe("placement.points 2 → L2 (observed quote rate)");
    expect(p.evidence).toContain("your organization's quote rate 83% (5 quoted of 6 submitted in");
    expect(p.evidence).toContain("at least 5 submissions");
    expect(p.values).toMatchObject({
      hit_ratio: 5 / 6,
      observed_quote_rate: { applied: true, submissions: 6, quotes: 5, quote_rate: 0.8333, min_submissions: 5, weight: 1, published_hit_ratio: 0.1 },
    });
  });

  it("below N submissions nothing changes, and the evidence says the figures were too few", () => {
    const r = run(ON, observed(4, 4));
    // Alder's own 6 submissions, none quoted, still apply: it drops to L4 and the tie goes by name.
    expect(order(r)).toEqual([
      ["Alder Mutual", "L4", 91],
      ["Birch Casualty", "L4", 91],
    ]);
    const ex = explain("carriers", FULL_PROFILE, birch, { asOf: AS_OF, rules: ON, observed: observed(4, 4) });
    if (!ex.eligible) throw new Error("filtered");
    expect(ex.dimensions.placement.rule).toBe("placement.points 0 → L4");
    expect(ex.dimensions.placement.evidence).toContain("under the 5 submissions the rule needs, so the published hit ratio counts");
    expect(ex.dimensions.placement.values).toMatchObject({ hit_ratio: 0.1, observed_quote_rate: { applied: false, submissions: 4 } });
    // N is the organization's: at 4 the same figures apply.
    const n4 = run({ placement: { observed_quote_rate: { enabled: true, min_submissions: 4 } } }, observed(4, 4));
    expect(order(n4)[0]).toEqual(["Birch Casualty", "L2", 97]);
  });

  it("weight blends observed and published rates", () => {
    // Birch: 0.5 × 5/6 + 0.5 × 0.1 = 0.47 → still ≥ 35 %: +2; Alder: 0.5 × 0 + 0.5 × 0.4 = 0.2 → +1, L3.
    const r = run({ placement: { observed_quote_rate: { enabled: true, weight: 0.5 } } }, observed(6, 5));
    expect(order(r)).toEqual([
      ["Birch Casualty", "L2", 97],
      ["Alder Mutual", "L3", 94],
    ]);
  });

  it("figures for another line are ignored; the same inputs and snapshot give byte-identical output", () => {
    expect(order(run(ON, { ...observed(6, 5), line: "cyber" }))).toEqual(order(run()));
    const a = run(ON, observed(6, 5));
    const snapshot = JSON.parse(JSON.stringify(a.trace.observed_market)) as ObservedMarket;
    expect(JSON.stringify(run(ON, snapshot))).toBe(JSON.stringify(a));
  });
});
