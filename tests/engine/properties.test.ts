import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  AGE_GROUPS,
  LANGUAGES,
  LINES,
  PLANS,
  SPECIALTIES,
  STATES,
  URGENCIES,
  TIERS,
  CARRIER_RULES,
  DIMENSIONS,
  EXPOSURE_BASIS,
  MONOPOLISTIC_WC_STATES,
  CarrierProfileSchema,
  DOMAINS,
  ProviderProfileSchema,
  evaluate,
  explain,
  type Carrier,
  type CarrierProfile,
  type EvaluationResult,
  type ProviderProfile,
} from "@/lib/engine";
import { generateCarriers, generateProviders } from "@/lib/pools/demo";
import { AS_OF } from "./fixtures";

const carriers = generateCarriers(400, 7);
const providers = generateProviders(400, 7);
const ctx = { asOf: AS_OF };

// Profiles with the exposure their line is rated on, and any subset of the optional fields.
const carrierProfile: fc.Arbitrary<CarrierProfile> = fc
  .record(
    {
      entity: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
      state: fc.constantFrom(...STATES),
      line: fc.constantFrom(...LINES),
      revenue: fc.oneof(fc.integer({ min: 0, max: 20_000_000 }), fc.integer({ min: 0, max: 2_000_000_000 })),
      payroll: fc.integer({ min: 50_000, max: 80_000_000 }),
      experience_mod: fc.constantFrom(0.75, 0.9, 1, 1.15, 1.4),
      tiv: fc.integer({ min: 100_000, max: 400_000_000 }),
      power_units: fc.integer({ min: 1, max: 400 }),
      underlying_limit: fc.constantFrom(1_000_000, 2_000_000, 5_000_000),
      naics: fc.constantFrom("541511", "484121", "238910", "332710", "621111", "524210", "722511", "459991"),
      years_in_business: fc.integer({ min: 0, max: 40 }),
      prior_claims: fc.integer({ min: 0, max: 6 }),
      requested_limit: fc.constantFrom(1_000_000, 2_000_000, 5_000_000, 10_000_000),
      deductible: fc.constantFrom(0, 1000, 5000, 25_000),
      effective_date: fc.constantFrom("2026-12-01", "2027-06-01"),
    },
    { requiredKeys: ["entity", "state", "line"] },
  )
  .map((p) => ({ ...p, [EXPOSURE_BASIS[p.line]]: p[EXPOSURE_BASIS[p.line]] ?? (p.line === "commercial_auto" ? 12 : 1_000_000) }) as CarrierProfile);

const providerProfile: fc.Arbitrary<ProviderProfile> = fc.record(
  {
    entity: fc.constant("member-1"),
    specialty: fc.constantFrom(...SPECIALTIES),
    state: fc.constantFrom("CA", "WA", "OR", "AZ", "NV", "TX"),
    zip: fc.constantFrom("94110", "90012", "98101", "97201", "85004", "89109", "95814"),
    plan: fc.constantFrom(...PLANS),
    urgency: fc.constantFrom(...URGENCIES),
    language: fc.constantFrom(...LANGUAGES),
    age_group: fc.constantFrom(...AGE_GROUPS),
  },
  { requiredKeys: ["entity", "specialty", "state", "zip", "plan", "urgency"] },
);

function checkInvariants(result: EvaluationResult, trace: ReturnType<typeof evaluate>["trace"], poolIds: string[]) {
  expect(result.filtered).toBe(result.candidates.length);
  expect(result.pool_size).toBe(poolIds.length);
  expect(trace.filtered).toBe(result.filtered);
  // Every candidate is either eliminated by exactly one filter or ranked, never both.
  const eliminated = Object.values(trace.eliminated).flat();
  const ranked = result.candidates.map((c) => c.id);
  const rankedSet = new Set(ranked);
  for (const id of eliminated) expect(rankedSet.has(id)).toBe(false);
  expect([...eliminated, ...ranked].sort()).toEqual([...poolIds].sort());
  // Ranked by tier, then market (admitted before surplus lines, for carriers), then score descending.
  const mk = (m: unknown) => (m === "surplus_lines" ? 1 : 0);
  for (let i = 1; i < result.candidates.length; i++) {
    const a = result.candidates[i - 1];
    const b = result.candidates[i];
    const ta = TIERS.indexOf(a.tier);
    const tb = TIERS.indexOf(b.tier);
    expect(ta <= tb).toBe(true);
    if (ta === tb) expect(mk(a.market) <= mk(b.market)).toBe(true);
    if (ta === tb && a.market === b.market) expect(a.score).toBeGreaterThanOrEqual(b.score);
  }
  // The compact trace mirrors the result.
  expect(trace.scored.map((s) => s[0])).toEqual(ranked);
  trace.scored.forEach(([, levels, tier, conf], i) => {
    const c = result.candidates[i];
    expect(levels).toBe(
      Object.values(c.scores)
        .map((l) => l[1])
        .join(""),
    );
    expect(tier).toBe(c.tier[0]);
    expect(conf).toBe(c.confidence[0]);
  });
}

describe("engine properties (carriers)", () => {
  it("generated profiles are valid", () => {
    fc.assert(fc.property(carrierProfile, (p) => CarrierProfileSchema.safeParse(p).success));
  });

  it("same inputs → byte-identical result and trace, whatever the object identity", () => {
    fc.assert(
      fc.property(carrierProfile, (p) => {
        const a = evaluate("carriers", p, carriers, ctx);
        const b = evaluate("carriers", structuredClone(p), structuredClone(carriers), { asOf: AS_OF });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 30 },
    );
  });

  it("partitions the pool, ranks by tier then score, and the trace mirrors the result", () => {
    fc.assert(
      fc.property(carrierProfile, (p) => {
        const { result, trace } = evaluate("carriers", p, carriers, ctx);
        checkInvariants(
          result,
          trace,
          carriers.map((c) => c.id),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("the fast fail mask evaluate() scans with equals the filters called one by one", () => {
    const eng = DOMAINS.carriers.engine;
    fc.assert(
      fc.property(carrierProfile, (p) => {
        const x = eng.prepare(p, DOMAINS.carriers.defaultRules, 20_000);
        for (const c of carriers) {
          let mask = 0;
          eng.filters.forEach((f, i) => (mask |= f.fails(x, c) ? 1 << i : 0));
          expect(eng.failMask!(x, c)).toBe(mask);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("exposure above every band → no candidates", () => {
    const capped: Carrier[] = carriers.map((c) => ({
      ...c,
      lines: Object.fromEntries(
        Object.entries(c.lines).map(([k, l]) => [k, { ...l, revenue_max: l!.revenue_max ?? 5e9, exposure_max: l!.exposure_max ?? 5e9 }]),
      ),
    }));
    fc.assert(
      fc.property(
        carrierProfile.filter((p) => p.line !== "commercial_auto"),
        fc.integer({ min: 10_000_000_001, max: 1e12 }),
        (p, exposure) => {
          const { result } = evaluate("carriers", { ...p, [EXPOSURE_BASIS[p.line]]: exposure }, capped, ctx);
          expect(result.candidates).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("no private carrier for workers' compensation in a monopolistic state, and none through surplus lines anywhere", () => {
    fc.assert(
      fc.property(carrierProfile, (p) => {
        const wc = { ...p, line: "workers_compensation" as const, payroll: p.payroll ?? 1_000_000 };
        const { result } = evaluate("carriers", wc, carriers, ctx);
        if (MONOPOLISTIC_WC_STATES.includes(wc.state)) expect(result.candidates).toEqual([]);
        for (const c of result.candidates) expect(c.market).toBe("admitted");
      }),
      { numRuns: 30 },
    );
  });

  // The reasoning rules of engine 2, over generated profiles and the generated pool.
  it("reasoning: a weakness is only ever an L3/L4 level, named with its real dimension; an L1/L2 fact is never one", () => {
    fc.assert(
      fc.property(carrierProfile, (p) => {
        for (const c of evaluate("carriers", p, carriers, ctx).result.candidates) {
          const others = DIMENSIONS.slice(1).map((d) => Number(c.scores[d][1]));
          const worst = Math.max(...others);
          const m = /(is the weakest point|is a serious gap) \((\w+) L(\d)\)/.exec(c.reasoning);
          if (worst >= 3) {
            expect(m, c.reasoning).not.toBeNull();
            expect(Number(m![3])).toBe(worst);
            expect(c.scores[m![2] as (typeof DIMENSIONS)[number]]).toBe(`L${worst}`);
            expect(m![1]).toBe(worst === 4 ? "is a serious gap" : "is the weakest point");
          } else {
            expect(c.reasoning).not.toMatch(/weakest|serious gap/);
          }
          // A weak appetite names what made it weak.
          if (Number(c.scores.appetite[1]) >= 3) expect(c.reasoning).toMatch(/^(Limited|Marginal) .*appetite[^;]*\(/);
          // A surplus-lines candidate says so, with the diligent search it needs; an admitted one never does.
          if (c.market === "surplus_lines") expect(c.reasoning).toMatch(/surplus lines in [A-Z]{2} \(\d+ admitted declinations first\)/);
          else expect(c.reasoning).not.toContain("surplus lines");
        }
      }),
      { numRuns: 40 },
    );
  });

  it("reasoning mentions data age exactly when age lowered confidence, and names the profile gaps that did", () => {
    const conf = CARRIER_RULES.confidence;
    fc.assert(
      fc.property(carrierProfile, (p) => {
        for (const c of evaluate("carriers", p, carriers, ctx).result.candidates.slice(0, 25)) {
          const e = explain(
            "carriers",
            p,
            carriers.find((x) => x.id === c.id)!,
            ctx,
          );
          if (!e.eligible) throw new Error("ranked but filtered");
          const age = e.confidence.values.age_days as number | null;
          const aged = age === null || age > conf.medium_after_days;
          expect(/Appetite data (verified \d+ days|has no verification date)/.test(c.reasoning), c.reasoning).toBe(aged);
          if (aged) expect(c.confidence).not.toBe("HIGH");
          for (const gap of e.profile_gaps!) expect(c.reasoning.toLowerCase()).toContain(gap.toLowerCase());
          if (e.profile_gaps!.length > 0) expect(c.confidence).not.toBe("HIGH");
        }
      }),
      { numRuns: 30 },
    );
  });

  it("explain() agrees with evaluate() on levels, tier, confidence, score and reasoning", () => {
    fc.assert(
      fc.property(carrierProfile, fc.nat(), (p, pick) => {
        const { result, trace } = evaluate("carriers", p, carriers, ctx);
        const eliminated = Object.entries(trace.eliminated);
        for (const c of result.candidates.slice(0, 8)) {
          const e = explain(
            "carriers",
            p,
            carriers.find((x) => x.id === c.id)!,
            ctx,
          );
          if (!e.eligible) throw new Error(`${c.id} ranked but explain() filtered it`);
          expect(Object.fromEntries(Object.entries(e.dimensions).map(([d, v]) => [d, v.level]))).toEqual(c.scores);
          expect([e.tier.tier, e.confidence.confidence, e.score, e.reasoning]).toEqual([c.tier, c.confidence, c.score, c.reasoning]);
        }
        if (eliminated.length > 0) {
          const [code, ids] = eliminated[pick % eliminated.length];
          const id = ids[pick % ids.length];
          const e = explain(
            "carriers",
            p,
            carriers.find((x) => x.id === id)!,
            ctx,
          );
          expect(e.eligible ? null : e.filter.code).toBe(code);
          // Every failing filter, not only the first, in the trace and in explain().
          const later = DOMAINS.carriers.filterCodes.filter((f) => trace.also_failed?.[f]?.includes(id));
          expect(e.eligible ? [] : e.failures!.map((f) => f.code)).toEqual([code, ...later]);
        }
        // A near miss failed only filters that have a margin, and explain() agrees it is one.
        for (const nm of trace.near_misses ?? []) {
          const e = explain(
            "carriers",
            p,
            carriers.find((x) => x.id === nm.id)!,
            ctx,
          );
          expect(e.eligible ? null : e.near_miss).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("engine properties (providers)", () => {
  it("deterministic, partitioned, ranked, and explain() agrees", () => {
    fc.assert(
      fc.property(providerProfile, (p) => {
        expect(ProviderProfileSchema.safeParse(p).success).toBe(true);
        const run = evaluate("providers", p, providers, ctx);
        expect(JSON.stringify(evaluate("providers", p, structuredClone(providers), ctx))).toBe(JSON.stringify(run));
        checkInvariants(
          run.result,
          run.trace,
          providers.map((c) => c.id),
        );
        for (const c of run.result.candidates.slice(0, 5)) {
          const e = explain(
            "providers",
            p,
            providers.find((x) => x.id === c.id)!,
            ctx,
          );
          expect(e.eligible && [Object.values(e.dimensions).map((d) => d.level), e.tier.tier, e.confidence.confidence]).toEqual([
            Object.values(c.scores),
            c.tier,
            c.confidence,
          ]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
