import { describe, expect, it } from "vitest";
import { explain, evaluate, type Carrier, type CarrierProfile, type Dimension, type Level, type RuleOverrides } from "@/lib/engine";
import { AS_OF, FULL_PROFILE, SEED_PROFILE, carrier } from "./fixtures";

function scored(c: Carrier, profile: CarrierProfile = FULL_PROFILE, rules?: RuleOverrides) {
  const ex = explain("carriers", profile, c, { asOf: AS_OF, rules });
  if (!ex.eligible) throw new Error(`fixture was filtered: ${ex.filter.code}`);
  return ex;
}
const scoredWith = (c: Carrier, p: CarrierProfile) => scored(c, p);
function level(d: Dimension, c: Carrier, profile?: CarrierProfile): Level {
  return scored(c, profile).dimensions[d].level;
}

describe("carrier dimensions", () => {
  it("scores the baseline fixture L1 everywhere with HIGH confidence", () => {
    const ex = scored(carrier());
    expect(Object.values(ex.dimensions).map((d) => d.level)).toEqual(["L1", "L1", "L1", "L1", "L1", "L1"]);
    expect(ex.tier.tier).toBe("STRONG_FIT");
    expect(ex.confidence.confidence).toBe("HIGH");
    expect(ex.score).toBe(100);
  });

  describe("appetite", () => {
    it.each<[string, Level, Partial<Carrier["lines"]["professional_liability"]>, Partial<CarrierProfile>]>([
      ["target, inside band", "L1", {}, {}],
      ["consider", "L2", { appetite: "consider" }, {}],
      ["limited", "L3", { appetite: "limited" }, {}],
      ["limited at the band ceiling", "L4", { appetite: "limited", revenue_max: 12_500_000 }, {}],
      ["target at the band floor", "L2", { revenue_min: 11_000_000 }, {}],
      ["consider, NAICS in a target class", "L1", { appetite: "consider" }, { naics: "541511" }],
      ["target, NAICS outside target classes", "L2", {}, { naics: "332710" }],
      ["limited, off-target NAICS, at the edge", "L4", { appetite: "limited", revenue_max: 12_500_000 }, { naics: "332710" }],
    ])("%s → %s", (_n, expected, line, profile) => {
      expect(level("appetite", carrier({}, line), { ...SEED_PROFILE, ...profile })).toBe(expected);
    });

    it("names the rule that fired and cites the band", () => {
      const d = scored(carrier()).dimensions.appetite;
      expect(d.rule).toBe("appetite.strength=target & NAICS class 5415 target & revenue inside band");
      expect(d.evidence).toContain("$10–15M");
      expect(d.values).toMatchObject({ appetite: "target", basis: "revenue", exposure: 12_000_000, band_edge: null, class_appetite: "target" });
    });
  });

  describe("coverage", () => {
    it.each<[string, Level, Partial<Carrier["lines"]["professional_liability"]>, Partial<CarrierProfile>]>([
      ["5× headroom, 4 key features", "L1", {}, {}],
      ["2× headroom on a requested $2.5M", "L2", {}, { requested_limit: 2_500_000 }],
      ["$1M max limit: headroom 1", "L3", { max_limit: 1_000_000 }, {}],
      ["unpublished max limit", "L3", { max_limit: null }, {}],
      ["no key features", "L4", { features: ["worldwide_territory"] }, {}],
      ["no features at all", "L4", { features: [] }, {}],
    ])("%s → %s", (_n, expected, line, profile) => {
      expect(level("coverage", carrier({}, line), { ...SEED_PROFILE, ...profile })).toBe(expected);
    });
  });

  describe("financial", () => {
    it.each<[string, Level, Partial<Carrier>]>([
      ["A+ XII", "L1", {}],
      ["A VIII", "L1", { am_best_rating: "A", financial_size: "VIII" }],
      ["A- VI", "L2", { am_best_rating: "A-", financial_size: "VI" }],
      ["A+ but size IV", "L3", { financial_size: "IV" }],
      ["B+", "L3", { am_best_rating: "B+", financial_size: "X" }],
      ["A+ XII on negative outlook", "L2", { am_best_outlook: "negative" }],
      ["B+ on negative outlook", "L4", { am_best_rating: "B+", am_best_outlook: "negative" }],
    ])("%s → %s", (_n, expected, c) => {
      expect(level("financial", carrier(c))).toBe(expected);
    });

    it("rates below the default floor L4 when an organization lowers the floor", () => {
      const ex = scored(carrier({ am_best_rating: "B-" }), SEED_PROFILE, { filters: { min_am_best: "C++" } });
      expect(ex.dimensions.financial.level).toBe("L4");
    });
  });

  describe("pricing", () => {
    it.each<[string, Level, Partial<Carrier>, number | null]>([
      ["8% below market", "L1", {}, -8],
      ["at market", "L2", {}, 0],
      ["10% above", "L3", {}, 10],
      ["20% above", "L4", {}, 20],
      ["unknown", "L3", {}, null],
      ["2% above plus CA's 3% surplus-lines tax and 0.18% stamping fee", "L3", { market_type: "es", admitted_states: [], surplus_lines_states: ["CA"] }, 2],
    ])("%s → %s", (_n, expected, c, rate) => {
      expect(level("pricing", carrier(c, { rate_position: rate }))).toBe(expected);
    });
  });

  describe("placement", () => {
    it.each<[string, Level, Carrier["placement"]]>([
      ["2 days, 40%, binding, API", "L1", undefined],
      ["4 days, 25%, portal", "L2", { quote_turnaround_days: 4, hit_ratio: 0.25, binding_authority: false, submission_channel: "portal" }],
      ["7 days, 25%, email", "L3", { quote_turnaround_days: 7, hit_ratio: 0.25, binding_authority: false, submission_channel: "email" }],
      ["10 days, 10%, email", "L4", { quote_turnaround_days: 10, hit_ratio: 0.1, binding_authority: false, submission_channel: "email" }],
      ["no figures", "L4", {}],
    ])("%s → %s", (_n, expected, placement) => {
      const c = placement === undefined ? carrier() : carrier({ placement });
      expect(level("placement", c)).toBe(expected);
    });
  });

  describe("service", () => {
    it.each<[string, Level, Carrier["service"]]>([
      ["4.6 and 0.50", "L1", { claims_satisfaction: 4.6, naic_complaint_index: 0.5 }],
      ["3.9 and 1.10", "L2", { claims_satisfaction: 3.9, naic_complaint_index: 1.1 }],
      ["3.4 and 1.80", "L3", { claims_satisfaction: 3.4, naic_complaint_index: 1.8 }],
      ["3.0 and 2.50", "L4", { claims_satisfaction: 3.0, naic_complaint_index: 2.5 }],
      ["great index, no satisfaction score", "L2", { claims_satisfaction: null, naic_complaint_index: 0.4 }],
      ["no data", "L3", undefined],
    ])("%s → %s", (_n, expected, service) => {
      expect(level("service", carrier({ service }))).toBe(expected);
    });
  });
});

describe("carrier tier", () => {
  const scored = (c: Carrier) => scoredWith(c, SEED_PROFILE);
  it("is STRONG_FIT only without an L4 and with appetite L1–L2", () => {
    expect(scored(carrier({ service: { claims_satisfaction: 3.0, naic_complaint_index: 2.5 } })).tier.tier).toBe("MODERATE_FIT");
    const limited = scored(carrier({}, { appetite: "limited" }));
    expect(limited.score).toBeGreaterThanOrEqual(75);
    expect(limited.tier.tier).toBe("MODERATE_FIT");
    expect(limited.tier.rule).toContain("appetite L3 worse than L2");
  });

  it("is WEAK_FIT when appetite is L4, whatever the score", () => {
    const ex = scored(carrier({}, { appetite: "limited", revenue_max: 12_500_000 }));
    expect(ex.dimensions.appetite.level).toBe("L4");
    expect(ex.tier.tier).toBe("WEAK_FIT");
  });

  it("is WEAK_FIT below the moderate score", () => {
    const ex = scored(
      carrier(
        { am_best_rating: "B+", financial_size: "III", placement: {}, service: { claims_satisfaction: 3.0, naic_complaint_index: 2.5 } },
        { appetite: "consider", rate_position: 20, features: [] },
      ),
    );
    expect(ex.score).toBeLessThan(55);
    expect(ex.tier).toEqual({ tier: "WEAK_FIT", rule: `WEAK_FIT: score ${ex.score} < 55` });
  });

  it("weights the composite score as documented (30/15/20/15/10/10, L1..L4 = 100/70/40/10)", () => {
    // appetite L2, pricing L3, everything else L1: (30·70 + 15·40 + 55·100) / 100
    expect(scored(carrier({}, { appetite: "consider", rate_position: 10 })).score).toBe(82);
  });
});

describe("carrier confidence", () => {
  it.each<[string, "HIGH" | "MEDIUM" | "LOW", Partial<Carrier>]>([
    ["verified 58 days ago, complete", "HIGH", {}],
    ["verified 241 days ago", "MEDIUM", { last_verified: "2026-04-01" }],
    ["verified 545 days ago", "LOW", { last_verified: "2025-06-01" }],
    ["never verified", "LOW", { last_verified: null }],
    ["one figure missing", "MEDIUM", { financial_size: null }],
    ["three minor figures missing (service 0.5 + 0.5, size 1): weight 2", "MEDIUM", { service: {}, financial_size: null }],
    [
      "rate position (2) and max limit (1) missing: weight 3",
      "LOW",
      { lines: { professional_liability: { ...carrier().lines.professional_liability!, rate_position: null, max_limit: null } } },
    ],
    ["an unrated carrier lacks no size category", "HIGH", { am_best_rating: "NR", financial_size: null }],
  ])("%s → %s", (_n, expected, c) => {
    expect(scored(carrier(c), FULL_PROFILE, { filters: { allow_not_rated: true } }).confidence.confidence).toBe(expected);
  });

  it("profile gaps lower confidence and are named: NAICS, years, claims, deductible", () => {
    const full = scored(carrier());
    expect(full.confidence.confidence).toBe("HIGH");
    const noNaics = scored(carrier(), { ...FULL_PROFILE, naics: undefined });
    expect(noNaics.confidence.confidence).toBe("MEDIUM");
    expect(noNaics.profile_gaps).toEqual(["NAICS not given: class exclusions unchecked"]);
    expect(noNaics.reasoning).toContain("NAICS not given: class exclusions unchecked.");
    const seed = scored(carrier(), SEED_PROFILE);
    expect(seed.profile_gaps).toEqual([
      "NAICS not given: class exclusions unchecked",
      "years in business not given: 3-year minimum unchecked",
      "prior claims not given: 2-claim maximum unchecked",
      "deductible not given: $2.5K minimum retention unchecked",
    ]);
    expect(seed.confidence.confidence).toBe("LOW");
    // A gap only counts where the guide has the threshold.
    const noThresholds = carrier(
      {},
      { target_naics: undefined, excluded_naics: undefined, min_years_in_business: null, max_prior_claims: null, min_retention: null },
    );
    expect(scored(noThresholds, SEED_PROFILE).profile_gaps).toEqual([]);
    expect(scored(noThresholds, SEED_PROFILE).confidence.confidence).toBe("HIGH");
  });

  it("measures data age at the effective date when it is later than as-of", () => {
    const c = carrier({ last_verified: "2026-08-01" });
    expect(scored(c).confidence.confidence).toBe("HIGH");
    const later = scored(c, { ...FULL_PROFILE, effective_date: "2027-03-01" });
    expect(later.confidence.values).toMatchObject({ age_days: 212 });
    expect(later.confidence.confidence).toBe("MEDIUM");
    expect(later.reasoning).toContain("Appetite data verified 212 days before the effective date.");
  });

  it("lists the missing fields and the age it used", () => {
    const ex = scored(carrier({ last_verified: "2026-04-01", financial_size: null }));
    expect(ex.confidence.values).toEqual({ age_days: 241, missing_fields: ["financial_size"], profile_gaps: [] });
    expect(ex.confidence.rule).toBe("verified 241 days before as-of, > 180 → MEDIUM; 1 fields missing, ≥ 1 → MEDIUM; no profile gaps");
  });

  it("measures age against ctx.asOf, not the clock", () => {
    const c = carrier({ last_verified: "2026-04-01" });
    expect(explain("carriers", FULL_PROFILE, c, { asOf: "2026-05-01T00:00:00Z" })).toMatchObject({ confidence: { confidence: "HIGH" } });
    expect(explain("carriers", FULL_PROFILE, c, { asOf: "2027-06-01T00:00:00Z" })).toMatchObject({ confidence: { confidence: "LOW" } });
  });
});

describe("carrier reasoning", () => {
  it("reads like an underwriter's note: state, line, band, strongest and weakest point", () => {
    const ex = scored(carrier({}, { rate_position: 8 }));
    expect(ex.reasoning).toBe(
      "Strong CA prof. liability appetite for NAICS 541511 in its $10–15M band; A+ (XII) financials, but a $25.9K indication ~8% above market is the weakest point (pricing L3).",
    );
  });

  it("flags an L4 as a serious gap and mentions surplus lines", () => {
    const c = carrier({ market_type: "es", admitted_states: [], surplus_lines_states: ["CA"] }, { features: [] });
    expect(scored(c).reasoning).toBe(
      "Strong CA prof. liability appetite for NAICS 541511 in its $10–15M band; surplus lines in CA (3 admitted declinations first); A+ (XII) financials, but $5M max limit for an assumed $1M limit with 0 of 5 key features is a serious gap (coverage L4).",
    );
  });

  it("differs between candidates and follows the profile", () => {
    const a = scored(carrier({}, { rate_position: 8 })).reasoning;
    const b = scored(carrier({}, { rate_position: 12 })).reasoning;
    expect(a).not.toBe(b);
    const wc = carrier({
      lines: {
        workers_compensation: {
          ...carrier().lines.professional_liability!,
          exposure_min: 1_000_000,
          exposure_max: 5_000_000,
          features: ["pay_as_you_go", "blanket_waiver", "stop_gap_employers_liability"],
        },
      },
    });
    const { result } = evaluate("carriers", { entity: "x", state: "CA", line: "workers_compensation", payroll: 2_500_000 }, [wc], { asOf: AS_OF });
    expect(result.candidates[0].reasoning).toMatch(/^Strong CA workers' comp appetite in its \$1–5M band; /);
  });
});
