import { describe, expect, it } from "vitest";
import { checkOverrides, diffRules } from "@/lib/rules/validate";
import { CARRIER_RULES } from "@/lib/engine/domains/carriers/rules";

const paths = (domain: string, overrides: unknown) => {
  const r = checkOverrides(domain, overrides);
  return r.ok ? [] : r.details.map((d) => d.path);
};

describe("checkOverrides", () => {
  it("accepts sensible overrides and keeps only what differs from the defaults", () => {
    const r = checkOverrides("carriers", { weights: { appetite: 50, coverage: 15 }, tier: { strong_min_score: 80 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.overrides).toEqual({ weights: { appetite: 50 }, tier: { strong_min_score: 80 } });
    expect(r.rules.weights.appetite).toBe(50);
    expect(r.rules.weights.service).toBe(CARRIER_RULES.weights.service);
  });

  it("stores nothing for an empty or default-restating override", () => {
    expect(checkOverrides("carriers", {})).toMatchObject({ ok: true, overrides: {} });
    expect(checkOverrides("providers", { weights: { placement: 25 } })).toMatchObject({ ok: true, overrides: {} });
  });

  it.each([
    ["unknown rule", { weightz: {} }, ["overrides.weightz"]],
    ["wrong type", { weights: { appetite: "30" } }, ["overrides.weights.appetite"]],
    ["negative weight", { weights: { pricing: -1 } }, ["overrides.weights.pricing"]],
    ["all weights zero", { weights: { appetite: 0, coverage: 0, financial: 0, pricing: 0, placement: 0, service: 0 } }, ["overrides.weights"]],
    ["score above 100", { tier: { strong_min_score: 101 } }, ["overrides.tier.strong_min_score"]],
    ["moderate above strong", { tier: { moderate_min_score: 80 } }, ["overrides.tier.moderate_min_score"]],
    ["strong appetite looser than moderate", { tier: { strong_max_appetite_level: 4 } }, ["overrides.tier.strong_max_appetite_level"]],
    ["level out of range", { tier: { strong_max_any_level: 5 } }, ["overrides.tier.strong_max_any_level"]],
    ["days out of order", { confidence: { medium_after_days: 400 } }, ["overrides.confidence.medium_after_days"]],
    ["fractional days", { confidence: { low_after_days: 365.5 } }, ["overrides.confidence.low_after_days"]],
    ["zero missing fields", { confidence: { medium_missing_fields: 0 } }, ["overrides.confidence.medium_missing_fields"]],
    ["missing counts out of order", { confidence: { medium_missing_fields: 4 } }, ["overrides.confidence.medium_missing_fields"]],
    ["level points increasing", { level_points: [100, 40, 70, 10] }, ["overrides.level_points.2"]],
    ["level points wrong length", { level_points: [100, 70, 40] }, ["overrides.level_points"]],
    ["a scorer level out of range", { pricing: { unknown_level: 0 } }, ["overrides.pricing.unknown_level"]],
    [
      "observed rule: zero submissions",
      { placement: { observed_quote_rate: { enabled: true, min_submissions: 0 } } },
      ["overrides.placement.observed_quote_rate.min_submissions"],
    ],
    ["observed rule: weight above 1", { placement: { observed_quote_rate: { weight: 1.5 } } }, ["overrides.placement.observed_quote_rate.weight"]],
    [
      "observed rule: fractional lookback",
      { placement: { observed_quote_rate: { lookback_days: 30.5 } } },
      ["overrides.placement.observed_quote_rate.lookback_days"],
    ],
    ["observed rule: enabled not a boolean", { placement: { observed_quote_rate: { enabled: "yes" } } }, ["overrides.placement.observed_quote_rate.enabled"]],
    ["a negative penalty", { financial: { negative_outlook_penalty: -1 } }, ["overrides.financial.negative_outlook_penalty"]],
    ["an unknown AM Best rating", { filters: { min_am_best: "AAA" } }, ["overrides.filters.min_am_best"]],
    ["an unknown size category", { filters: { min_financial_size: "XX" } }, ["overrides.filters.min_financial_size"]],
  ])("refuses %s", (_name, overrides, expected) => {
    expect(paths("carriers", overrides)).toEqual(expected);
  });

  it("lists every problem, not only the first", () => {
    expect(paths("carriers", { weights: { appetite: -1, coverage: -2 }, tier: { strong_min_score: 200 } })).toEqual([
      "overrides.weights.appetite",
      "overrides.weights.coverage",
      "overrides.tier.strong_min_score",
    ]);
  });

  it("checks the provider domain's own rules too", () => {
    expect(paths("providers", { service: { partial_data_best_level: 7 } })).toEqual(["overrides.service.partial_data_best_level"]);
    expect(paths("providers", { filters: { min_am_best: "A" } })).toEqual(["overrides.filters.min_am_best"]);
    expect(checkOverrides("carriers", { filters: { min_financial_size: "VII", min_am_best: "A-" } }).ok).toBe(true);
  });
});

describe("diffRules", () => {
  it("compares lists as a whole", () => {
    expect(diffRules({ a: [1, 2], b: { c: 1 } }, { a: [1, 2], b: { c: 2 } })).toEqual({ b: { c: 2 } });
    expect(diffRules({ a: [1, 2] }, { a: [2, 1] })).toEqual({ a: [2, 1] });
  });
});
