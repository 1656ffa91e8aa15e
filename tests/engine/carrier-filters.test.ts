import { describe, expect, it } from "vitest";
import { DOMAINS, evaluate, explain, type Carrier, type CarrierProfile, type RuleOverrides } from "@/lib/engine";
import { AS_OF, SEED_PROFILE, carrier } from "./fixtures";

function eliminatedBy(c: Carrier, profile: CarrierProfile = SEED_PROFILE, rules?: RuleOverrides): string | null {
  const { result, trace } = evaluate("carriers", profile, [c], { asOf: AS_OF, rules });
  const codes = Object.entries(trace.eliminated)
    .filter(([, ids]) => ids.includes(c.id))
    .map(([code]) => code);
  const ex = explain("carriers", profile, c, { asOf: AS_OF, rules });
  // evaluate() and explain() must tell the same story.
  expect(ex.eligible).toBe(codes.length === 0);
  if (!ex.eligible) expect([ex.filter.code]).toEqual(codes);
  if (!ex.eligible) expect(ex.failures![0]).toEqual(ex.filter);
  expect(result.candidates.length).toBe(codes.length === 0 ? 1 : 0);
  return codes[0] ?? null;
}

describe("carrier eligibility filters", () => {
  it("keeps the baseline fixture", () => {
    expect(eliminatedBy(carrier())).toBeNull();
  });

  const cases: [string, string, Carrier, CarrierProfile][] = [
    ["not admitted and no surplus lines in CA", "state_not_admitted", carrier({ admitted_states: ["NV", "OR"] }), SEED_PROFILE],
    ["line not written", "line_not_written", carrier({ lines: { general_liability: carrier().lines.professional_liability } }), SEED_PROFILE],
    ["revenue below the band floor", "exposure_outside_band", carrier({}, { revenue_min: 15_000_000, revenue_max: 50_000_000 }), SEED_PROFILE],
    ["revenue above the band ceiling", "exposure_outside_band", carrier({}, { revenue_min: 0, revenue_max: 10_000_000 }), SEED_PROFILE],
    ["excluded NAICS class", "excluded_class", carrier(), { ...SEED_PROFILE, naics: "484121" }],
    [
      "excluded NAICS class by prefix (a prohibition beats a target of the same length)",
      "excluded_class",
      carrier({}, { excluded_naics: ["5415"] }),
      { ...SEED_PROFILE, naics: "541511" },
    ],
    [
      "prohibited in the class guide",
      "excluded_class",
      carrier({}, { naics_appetite: { "5415": "target", "541511": "prohibited" } }),
      { ...SEED_PROFILE, naics: "541511" },
    ],
    ["line written only in other states", "line_not_in_state", carrier({}, { states: ["NV", "OR"] }), SEED_PROFILE],
    ["deductible under the minimum retention", "deductible_below_retention", carrier(), { ...SEED_PROFILE, deductible: 1000 }],
    ["indicated premium under the minimum premium", "below_min_premium", carrier({}, { min_premium: 50_000 }), SEED_PROFILE],
    ["rating below B+", "below_financial_floor", carrier({ am_best_rating: "B" }), SEED_PROFILE],
    ["not rated", "below_financial_floor", carrier({ am_best_rating: "NR" }), SEED_PROFILE],
    ["rating missing counts as not rated", "below_financial_floor", carrier({ am_best_rating: null }), SEED_PROFILE],
    ["requested limit above max limit", "limit_above_max", carrier(), { ...SEED_PROFILE, requested_limit: 10_000_000 }],
    ["too few years in business", "years_below_minimum", carrier(), { ...SEED_PROFILE, years_in_business: 1 }],
    ["too many prior claims", "claims_above_maximum", carrier(), { ...SEED_PROFILE, prior_claims: 5 }],
  ];
  it.each(cases)("%s → %s", (_name, code, c, profile) => {
    expect(eliminatedBy(c, profile)).toBe(code);
  });

  it("headlines the first failing filter, in the documented order", () => {
    const c = carrier({ admitted_states: ["NV"], am_best_rating: "C" }, { revenue_min: 50_000_000 });
    expect(eliminatedBy(c)).toBe("state_not_admitted");
    expect(eliminatedBy({ ...c, admitted_states: ["CA"] })).toBe("exposure_outside_band");
    expect(DOMAINS.carriers.filterCodes).toEqual([
      "monopolistic_wc_state",
      "admitted_only_line",
      "state_not_admitted",
      "line_not_written",
      "line_not_in_state",
      "exposure_outside_band",
      "excluded_class",
      "below_financial_floor",
      "limit_above_max",
      "deductible_below_retention",
      "below_min_premium",
      "years_below_minimum",
      "claims_above_maximum",
      "experience_mod_above_maximum",
    ]);
  });

  it("accepts a surplus-lines market unless the rules forbid it", () => {
    const es = carrier({ market_type: "es", admitted_states: [], surplus_lines_states: ["CA", "TX"] });
    expect(eliminatedBy(es)).toBeNull();
    expect(eliminatedBy(es, SEED_PROFILE, { filters: { allow_surplus_lines: false } })).toBe("state_not_admitted");
  });

  it("passes at the exact band limits and with an open-ended band", () => {
    expect(eliminatedBy(carrier({}, { revenue_min: 12_000_000, revenue_max: 12_000_000 }))).toBeNull();
    expect(eliminatedBy(carrier({}, { revenue_min: 1_000_000, revenue_max: null }))).toBeNull();
  });

  it("does not filter on figures the profile or the guide leaves out", () => {
    expect(eliminatedBy(carrier({}, { max_limit: null }), { ...SEED_PROFILE, requested_limit: 50_000_000 })).toBeNull();
    expect(eliminatedBy(carrier({}, { min_years_in_business: null }), { ...SEED_PROFILE, years_in_business: 0 })).toBeNull();
    expect(eliminatedBy(carrier({}, { excluded_naics: undefined }), { ...SEED_PROFILE, naics: "484121" })).toBeNull();
    expect(eliminatedBy(carrier({}, { min_retention: null }), { ...SEED_PROFILE, deductible: 0 })).toBeNull();
    expect(eliminatedBy(carrier({}, { min_premium: null }), { ...SEED_PROFILE, revenue: 10_000_000 })).toBeNull();
  });

  it("applies rule overrides to the financial floor", () => {
    expect(eliminatedBy(carrier({ am_best_rating: "B" }), SEED_PROFILE, { filters: { min_am_best: "B" } })).toBeNull();
    expect(eliminatedBy(carrier({ am_best_rating: "NR" }), SEED_PROFILE, { filters: { allow_not_rated: true } })).toBeNull();
    expect(eliminatedBy(carrier({ financial_size: "V" }), SEED_PROFILE, { filters: { min_financial_size: "VII" } })).toBe("below_financial_floor");
  });

  it("explains a filter with its rule text and the values compared", () => {
    const ex = explain("carriers", SEED_PROFILE, carrier({}, { revenue_min: 15_000_000, revenue_max: 50_000_000 }), { asOf: AS_OF });
    const filter = {
      code: "exposure_outside_band",
      rule: "revenue $12M must be inside the $15–50M band",
      values: { basis: "revenue", exposure: 12_000_000, band_min: 15_000_000, band_max: 50_000_000 },
    };
    expect(ex).toEqual({ eligible: false, filter, failures: [filter], near_miss: false, market: "admitted" });
  });
});
