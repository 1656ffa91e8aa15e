import { describe, expect, it } from "vitest";
import {
  CARRIER_RULES,
  CarrierProfileSchema,
  DOMAINS,
  EXPOSURE_BASIS,
  LINES,
  SURPLUS_LINES_BY_STATE,
  evaluate,
  explain,
  surplusLinesRequirement,
  type Carrier,
  type CarrierLine,
  type CarrierProfile,
  type RuleOverrides,
} from "@/lib/engine";
import { effectiveDateProblem } from "@/lib/engine/domains/carriers";
import { AS_OF, FULL_PROFILE, SEED_PROFILE, carrier } from "./fixtures";

const run = (profile: CarrierProfile, pool: Carrier[], rules?: RuleOverrides) => evaluate("carriers", profile, pool, { asOf: AS_OF, rules });
const es = (o: Partial<Carrier> = {}, l: Partial<CarrierLine> = {}) =>
  carrier({ id: "car_es", name: "Testline Specialty", market_type: "es", admitted_states: [], surplus_lines_states: ["CA", "NY", "OH", "TX"], ...o }, l);

/** A carrier writing workers' compensation on payroll, admitted in `states`. */
function wcCarrier(states: Carrier["admitted_states"], o: Partial<Carrier> = {}): Carrier {
  const pl = carrier().lines.professional_liability!;
  return carrier({
    admitted_states: states,
    lines: {
      workers_compensation: {
        ...pl,
        revenue_min: null,
        revenue_max: null,
        exposure_min: 500_000,
        exposure_max: 10_000_000,
        min_premium: 1000,
        features: ["pay_as_you_go"],
      },
    },
    ...o,
  });
}
const WC: CarrierProfile = { entity: "acme", state: "CA", line: "workers_compensation", payroll: 2_000_000 };

describe("regulatory knock-outs", () => {
  it.each(["ND", "OH", "WA", "WY"] as const)("workers' compensation in monopolistic %s: every private carrier out, with the source", (state) => {
    const { result, trace } = run({ ...WC, state }, [wcCarrier([state]), es({}, {})]);
    expect(result.filtered).toBe(0);
    expect(trace.eliminated.monopolistic_wc_state).toEqual(["car_test", "car_es"]);
    expect(trace.notes?.[0]).toContain("state fund");
    const ex = explain("carriers", { ...WC, state }, wcCarrier([state]), { asOf: AS_OF });
    expect(ex.eligible).toBe(false);
    if (!ex.eligible) expect(ex.filter.source).toMatch(/NCCI.*Ohio Rev\. Code ch\. 4123/);
  });

  it("other lines in a monopolistic state are unaffected", () => {
    expect(run({ ...SEED_PROFILE, state: "OH" }, [carrier({ admitted_states: ["OH"] })]).result.filtered).toBe(1);
  });

  it("workers' compensation is never placed through surplus lines (admitted_only_line), admitted carriers stay", () => {
    const slWc = wcCarrier([], { id: "car_sl", market_type: "es", surplus_lines_states: ["CA"] });
    const { result, trace } = run(WC, [wcCarrier(["CA"]), slWc]);
    expect(result.candidates.map((c) => c.id)).toEqual(["car_test"]);
    expect(trace.eliminated.admitted_only_line).toEqual(["car_sl"]);
    const ex = explain("carriers", WC, slWc, { asOf: AS_OF });
    if (ex.eligible) throw new Error("expected eliminated");
    expect(ex.filter.source).toContain("Cal. Lab. Code §3700");
  });

  it("every regulatory filter runs before the appetite filters and documents its source", () => {
    const filters = DOMAINS.carriers.engine.filters;
    expect(filters.slice(0, 2).map((f) => f.code)).toEqual(["monopolistic_wc_state", "admitted_only_line"]);
    for (const f of filters.slice(0, 2)) expect(f.source!.length).toBeGreaterThan(20);
  });
});

describe("surplus lines as a second path", () => {
  it("marks each candidate admitted or surplus_lines, with the state's requirement and SL tax in the indication", () => {
    const { result, trace } = run(FULL_PROFILE, [carrier(), es()]);
    const [adm, sl] = result.candidates;
    expect(adm).toMatchObject({ id: "car_test", market: "admitted", premium_indication: 22_080 });
    expect(adm.surplus_lines).toBeUndefined();
    // Same rate position (−8 %): 24,000 × 0.92 = 22,080, plus CA's 3 % tax and 0.18 % stamping fee.
    expect(sl).toMatchObject({ id: "car_es", market: "surplus_lines", premium_indication: 22_782.14 });
    expect(sl.surplus_lines).toEqual({ declinations_required: 3, tax_rate: 0.03, stamping_fee_rate: 0.0018, source: SURPLUS_LINES_BY_STATE.CA.source });
    expect(sl.reasoning).toContain("surplus lines in CA (3 admitted declinations first)");
    expect(trace.scored.map((s) => s[5])).toEqual(["admitted", "surplus_lines"]);
  });

  it("ranks an admitted candidate ahead of a surplus-lines one of the same tier, even with a lower score, unless the rules say otherwise", () => {
    const weaker = carrier({ service: { claims_satisfaction: 3.9, naic_complaint_index: 1.1 } });
    const better = es();
    const a = run(FULL_PROFILE, [better, weaker]).result.candidates;
    expect(a.map((c) => c.tier)).toEqual(["STRONG_FIT", "STRONG_FIT"]);
    expect(a[0].score).toBeLessThan(a[1].score);
    expect(a.map((c) => c.market)).toEqual(["admitted", "surplus_lines"]);
    const b = run(FULL_PROFILE, [better, weaker], { ranking: { admitted_first: false } }).result.candidates;
    expect(b.map((c) => c.market)).toEqual(["surplus_lines", "admitted"]);
  });

  it("a better tier still wins over the market", () => {
    const moderate = carrier({}, { appetite: "limited" });
    const { result } = run(SEED_PROFILE, [moderate, es()]);
    expect(result.candidates.map((c) => [c.tier, c.market])).toEqual([
      ["STRONG_FIT", "surplus_lines"],
      ["MODERATE_FIT", "admitted"],
    ]);
  });

  it("surplusLinesRequirement is a pure table lookup that honours overrides", () => {
    expect(surplusLinesRequirement("NY")).toMatchObject({
      state: "NY",
      declinations_required: 3,
      tax_rate: 0.036,
      stamping_fee_rate: 0.0015,
      total_rate: 0.0375,
      basis: "statute",
    });
    expect(surplusLinesRequirement("NY").source).toContain("§2118");
    expect(surplusLinesRequirement("CA").source).toContain("§1763");
    const table = { ...SURPLUS_LINES_BY_STATE, TX: { ...SURPLUS_LINES_BY_STATE.TX, declinations_required: 0 } };
    expect(surplusLinesRequirement("TX", table).declinations_required).toBe(0);
    for (const row of Object.values(SURPLUS_LINES_BY_STATE)) {
      expect(row.tax_rate).toBeGreaterThan(0);
      expect(row.tax_rate).toBeLessThanOrEqual(0.06);
      expect(row.source.length).toBeGreaterThan(5);
    }
  });

  it("an organization's override of a state row changes the requirement and the price", () => {
    const rules = { surplus_lines: { states: { CA: { declinations_required: 2, tax_rate: 0.05 } } } } as RuleOverrides;
    const [sl] = run(FULL_PROFILE, [es()], rules).result.candidates;
    expect(sl.surplus_lines).toMatchObject({ declinations_required: 2, tax_rate: 0.05 });
    expect(sl.premium_indication).toBe(Math.round(22_080 * 1.0518 * 100) / 100);
  });
});

describe("exposure by line", () => {
  it("one schema: each line requires the exposure it is rated on; the seed's body stays valid", () => {
    expect(CarrierProfileSchema.safeParse(SEED_PROFILE).success).toBe(true);
    const examples: Record<string, number> = { revenue: 1e6, payroll: 1e6, tiv: 5e6, power_units: 12, underlying_limit: 1e6 };
    for (const line of LINES) {
      const field = EXPOSURE_BASIS[line];
      const bare = CarrierProfileSchema.safeParse({ entity: "x", state: "CA", line });
      expect(bare.success).toBe(false);
      expect(bare.error!.issues[0]).toMatchObject({ code: "invalid_type", path: [field] });
      expect(CarrierProfileSchema.safeParse({ entity: "x", state: "CA", line, [field]: examples[field] }).success).toBe(true);
    }
    expect(EXPOSURE_BASIS).toMatchObject({
      workers_compensation: "payroll",
      property: "tiv",
      commercial_auto: "power_units",
      umbrella: "underlying_limit",
      professional_liability: "revenue",
    });
  });

  it("the form metadata shows and requires each exposure field for its lines only", () => {
    const meta = Object.fromEntries(DOMAINS.carriers.fieldMeta.map((f) => [f.name, f]));
    expect(meta.payroll.required_when).toEqual({ field: "line", values: ["workers_compensation"] });
    expect(meta.experience_mod.shown_when).toEqual({ field: "line", values: ["workers_compensation"] });
    expect(meta.tiv.shown_when!.values).toEqual(["property"]);
    expect(meta.revenue.required).toBe(false);
    expect(meta.revenue.shown_when).toBeUndefined(); // revenue describes the business for every line
    expect(meta.revenue.required_when!.values).toContain("professional_liability");
  });

  it.each<[string, CarrierProfile, Partial<CarrierLine>]>([
    ["WC on payroll", { entity: "x", state: "CA", line: "workers_compensation", payroll: 20_000_000 }, { exposure_min: 500_000, exposure_max: 10_000_000 }],
    ["property on TIV", { entity: "x", state: "CA", line: "property", tiv: 300_000_000 }, { exposure_max: 100_000_000 }],
    ["auto on power units", { entity: "x", state: "CA", line: "commercial_auto", power_units: 300 }, { exposure_max: 50 }],
    ["umbrella on underlying limit", { entity: "x", state: "CA", line: "umbrella", underlying_limit: 10_000_000 }, { exposure_max: 2_000_000 }],
  ])("%s: the band is in the same basis, and revenue plays no part", (_n, profile, band) => {
    const pl = carrier().lines.professional_liability!;
    const lineRec: CarrierLine = { ...pl, revenue_min: 50_000_000, revenue_max: 60_000_000, exposure_min: null, exposure_max: null, min_premium: null };
    const inside = carrier({ lines: { [profile.line]: lineRec } });
    expect(run({ ...profile, revenue: 1 }, [inside]).result.filtered).toBe(1);
    const outside = carrier({ lines: { [profile.line]: { ...lineRec, ...band } } });
    const { trace } = run(profile, [outside]);
    expect(trace.eliminated.exposure_outside_band).toEqual(["car_test"]);
    const ex = explain("carriers", profile, outside, { asOf: AS_OF });
    if (ex.eligible) throw new Error("expected eliminated");
    expect(ex.filter.values).toMatchObject({ basis: EXPOSURE_BASIS[profile.line], exposure: profile[EXPOSURE_BASIS[profile.line]] });
  });

  it("WC: an experience mod above the carrier's cap removes it; within 0.10 it is a near miss; no mod given is a gap, not a removal", () => {
    const capped = (max: number | null) => {
      const c = wcCarrier(["CA"]);
      return { ...c, lines: { workers_compensation: { ...c.lines.workers_compensation!, max_experience_mod: max } } };
    };
    const far = run({ ...WC, experience_mod: 1.6 }, [capped(1.25)]);
    expect(far.result.filtered).toBe(0);
    expect(far.trace.eliminated.experience_mod_above_maximum).toEqual(["car_test"]);
    expect(far.trace.near_misses).toEqual([]);
    const ex = explain("carriers", { ...WC, experience_mod: 1.6 }, capped(1.25), { asOf: AS_OF });
    if (ex.eligible) throw new Error("expected eliminated");
    expect(ex.filter).toMatchObject({ code: "experience_mod_above_maximum", values: { experience_mod: 1.6, max_experience_mod: 1.25 } });

    const [nm] = run({ ...WC, experience_mod: 1.3 }, [capped(1.25)]).trace.near_misses!;
    expect(nm.failed).toEqual([
      expect.objectContaining({ code: "experience_mod_above_maximum", margin: "experience mod 1.3 is 0.05 over the maximum of 1.25" }),
    ]);

    // At the cap, with no cap stated, or with no mod given: eligible.
    expect(run({ ...WC, experience_mod: 1.25 }, [capped(1.25)]).result.filtered).toBe(1);
    expect(run({ ...WC, experience_mod: 2.5 }, [capped(null)]).result.filtered).toBe(1);
    const unknown = explain("carriers", WC, capped(1.25), { asOf: AS_OF });
    if (!unknown.eligible) throw new Error("expected eligible");
    const given = explain("carriers", { ...WC, experience_mod: 1 }, capped(1.25), { asOf: AS_OF });
    if (!given.eligible) throw new Error("expected eligible");
    expect(JSON.stringify(unknown)).toContain("experience mod not given: 1.25 maximum unchecked");
    expect(JSON.stringify(given)).not.toContain("experience mod not given");
  });

  it("WC premium is payroll / 100 × rate × experience mod", () => {
    const c = wcCarrier(["CA"]);
    const [r] = run({ ...WC, experience_mod: 1.2 }, [c]).result.candidates;
    // 1.5 per $100 × 2,000,000 / 100 × 1.2 × (1 − 8 %)
    expect(r.premium_indication).toBe(Math.round(1.5 * 20_000 * 1.2 * 0.92 * 100) / 100);
  });
});

describe("premium indication and minimum premium", () => {
  it("rate × exposure × rate position, with the arithmetic in the trace", () => {
    const ex = explain("carriers", FULL_PROFILE, carrier({}, { rate_position: 10 }), { asOf: AS_OF });
    if (!ex.eligible) throw new Error("filtered");
    expect(ex.dimensions.pricing.values).toMatchObject({
      premium: 26_400,
      rate: 2,
      rate_per: "per $1,000 of revenue",
      rate_position: 10,
      reference_premium: 24_000,
      vs_market_pct: 10,
    });
    expect(ex.dimensions.pricing.level).toBe("L3");
    expect(ex.dimensions.pricing.evidence).toContain("An indication, not a quote.");
    expect(ex.extras).toMatchObject({ premium_indication: 26_400 });
  });

  it("a carrier's own base rate replaces the reference rate and its rate position", () => {
    const [r] = run(FULL_PROFILE, [carrier({}, { base_rate: 1.5, rate_position: 40 })]).result.candidates;
    expect(r.premium_indication).toBe(18_000);
    expect(r.scores.pricing).toBe("L1");
  });

  it("min_premium is a filter: an indication under it eliminates, at or over it keeps", () => {
    expect(run(FULL_PROFILE, [carrier({}, { min_premium: 22_081 })]).trace.eliminated.below_min_premium).toEqual(["car_test"]);
    expect(run(FULL_PROFILE, [carrier({}, { min_premium: 22_080 })]).result.filtered).toBe(1);
  });

  it("no indication (neither base rate nor rate position) is never a min-premium failure but weighs on confidence", () => {
    const c = carrier({}, { rate_position: null, min_premium: 1e9 });
    const { result } = run(FULL_PROFILE, [c]);
    expect(result.candidates[0]).toMatchObject({ premium_indication: null, scores: { pricing: "L3" } });
  });

  it("effective date: more than the grace period in the past is a problem; data age is measured at a later effective date", () => {
    expect(effectiveDateProblem({ effective_date: "2026-10-29" }, AS_OF)).toBeNull();
    expect(effectiveDateProblem({ effective_date: "2026-10-28" }, AS_OF)).toBe("effective date 2026-10-28 is more than 30 days before 2026-11-28");
    expect(effectiveDateProblem({}, AS_OF)).toBeNull();
    const { trace } = run({ ...FULL_PROFILE, effective_date: "2026-01-01" }, [carrier()]);
    expect(trace.notes).toEqual(["effective date 2026-01-01 is more than 30 days before 2026-11-28"]);
    expect(CARRIER_RULES.effective_date.grace_days).toBe(30);
  });
});

describe("appetite per state, line and class", () => {
  it("state appetite overrides the line's appetite in that state", () => {
    const c = carrier({}, { appetite: "target", state_appetite: { CA: "limited" } });
    const ex = explain("carriers", FULL_PROFILE, c, { asOf: AS_OF });
    if (!ex.eligible) throw new Error("filtered");
    expect(ex.dimensions.appetite.values).toMatchObject({ appetite: "limited", state_appetite: "limited" });
    expect(ex.dimensions.appetite.level).toBe("L2"); // limited L3, target class −1
    expect(explain("carriers", { ...FULL_PROFILE, state: "NV" }, c, { asOf: AS_OF })).toMatchObject({ dimensions: { appetite: { level: "L1" } } });
  });

  it("NAICS appetite: target better, consider neutral, prohibited out, absent unknown (worse, and never 'accepted')", () => {
    const guide = {
      naics_appetite: { "5415": "target", "5416": "consider", "541199": "prohibited" } as const,
      target_naics: undefined,
      excluded_naics: undefined,
    };
    const lvl = (naics: string) => {
      const ex = explain("carriers", { ...FULL_PROFILE, naics }, carrier({}, { appetite: "consider", ...guide }), { asOf: AS_OF });
      return ex.eligible ? [ex.dimensions.appetite.level, ex.dimensions.appetite.values.class_appetite] : ex.filter.code;
    };
    expect(lvl("541511")).toEqual(["L1", "target"]);
    expect(lvl("541611")).toEqual(["L2", "consider"]);
    expect(lvl("541199")).toBe("excluded_class");
    expect(lvl("722511")).toEqual(["L3", "unknown"]);
  });

  it("old pool records (target_naics / excluded_naics) are read as target / prohibited", () => {
    const old = carrier(); // fixture uses the engine-1 lists
    expect(run({ ...FULL_PROFILE, naics: "484121" }, [old]).trace.eliminated.excluded_class).toEqual(["car_test"]);
    expect(explain("carriers", FULL_PROFILE, old, { asOf: AS_OF })).toMatchObject({ dimensions: { appetite: { values: { class_appetite: "target" } } } });
  });
});

describe("why not, and almost", () => {
  it("records every failing filter of an eliminated carrier, not only the first", () => {
    const c = carrier({ am_best_rating: "B" }, { revenue_max: 11_000_000, min_years_in_business: 10 });
    const { trace } = run(FULL_PROFILE, [c]);
    expect(trace.eliminated.exposure_outside_band).toEqual(["car_test"]);
    expect(trace.also_failed).toEqual({ below_financial_floor: ["car_test"], years_below_minimum: ["car_test"] });
    const ex = explain("carriers", FULL_PROFILE, c, { asOf: AS_OF });
    if (ex.eligible) throw new Error("expected eliminated");
    expect(ex.failures!.map((f) => f.code)).toEqual(["exposure_outside_band", "below_financial_floor", "years_below_minimum"]);
  });

  it("a near miss is within the documented margin on every filter it failed, and says what would make it eligible", () => {
    const near = carrier({ id: "near", name: "Near" }, { revenue_max: 11_000_000 }); // $12M is 9.1 % over
    const far = carrier({ id: "far", name: "Far" }, { revenue_max: 10_000_000 }); // 20 % over
    const mixed = carrier({ id: "mixed", name: "Mixed", admitted_states: ["NV"] }, { revenue_max: 11_000_000 });
    const { trace } = run(FULL_PROFILE, [near, far, mixed]);
    expect(trace.near_misses).toEqual([
      {
        id: "near",
        name: "Near",
        market: "admitted",
        failed: [
          {
            code: "exposure_outside_band",
            margin: "revenue $12M is 9.1% over the $11M ceiling",
            fix: "eligible at or under $11M of revenue, or with the carrier's referral",
          },
        ],
      },
    ]);
    expect(run(FULL_PROFILE, [near], { near_miss: { band_pct: 5 } }).trace.near_misses).toEqual([]);
  });

  it.each<[string, Partial<Carrier>, Partial<CarrierLine>, Partial<CarrierProfile>, RegExp]>([
    ["limit within 2× the maximum", {}, {}, { requested_limit: 8_000_000 }, /eligible at a \$5M primary limit with \$3M bought as excess/],
    ["one notch under the rating floor", { am_best_rating: "B" }, {}, {}, /security-floor exception/],
    ["a year short", {}, {}, { years_in_business: 2 }, /eligible in 1 year/],
    ["one claim over", {}, {}, { prior_claims: 3 }, /referral on loss history/],
    ["deductible at half the minimum retention", {}, {}, { deductible: 1250 }, /eligible with a \$2\.5K deductible/],
    ["premium 8 % under the minimum", {}, { min_premium: 24_000 }, {}, /accepts the \$24K minimum premium/],
  ])("%s is a near miss", (_n, c, l, p, fix) => {
    const [nm] = run({ ...FULL_PROFILE, ...p }, [carrier(c, l)]).trace.near_misses!;
    expect(nm.failed).toHaveLength(1);
    expect(nm.failed[0].fix).toMatch(fix);
  });

  it("a regulatory, state, line or class failure is never a near miss", () => {
    expect(run(FULL_PROFILE, [carrier({ admitted_states: ["NV"] })]).trace.near_misses).toEqual([]);
    expect(run({ ...FULL_PROFILE, naics: "484121" }, [carrier()]).trace.near_misses).toEqual([]);
    expect(run({ ...WC, state: "OH" }, [wcCarrier(["OH"])]).trace.near_misses).toEqual([]);
  });
});
