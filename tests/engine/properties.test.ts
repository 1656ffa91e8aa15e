import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  AGE_GROUPS, LANGUAGES, LINES, PLANS, SPECIALTIES, STATES, URGENCIES, TIERS,
  CarrierProfileSchema, ProviderProfileSchema, evaluate, explain,
  type Carrier, type CarrierProfile, type EvaluationResult, type ProviderProfile,
} from "@/lib/engine";
import { generateCarriers, generateProviders } from "@/lib/pools/demo";
import { AS_OF } from "./fixtures";

const carriers = generateCarriers(400, 7);
const providers = generateProviders(400, 7);
const ctx = { asOf: AS_OF };

const carrierProfile: fc.Arbitrary<CarrierProfile> = fc.record(
  {
    entity: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
    state: fc.constantFrom(...STATES),
    line: fc.constantFrom(...LINES),
    revenue: fc.oneof(fc.integer({ min: 0, max: 20_000_000 }), fc.integer({ min: 0, max: 2_000_000_000 })),
    naics: fc.constantFrom("541511", "484121", "238910", "332710", "621111", "524210", "722511"),
    years_in_business: fc.integer({ min: 0, max: 40 }),
    prior_claims: fc.integer({ min: 0, max: 6 }),
    requested_limit: fc.constantFrom(1_000_000, 2_000_000, 5_000_000, 10_000_000),
  },
  { requiredKeys: ["entity", "state", "line", "revenue"] },
);

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
  // Ranked by tier, then score descending.
  for (let i = 1; i < result.candidates.length; i++) {
    const a = result.candidates[i - 1];
    const b = result.candidates[i];
    const ta = TIERS.indexOf(a.tier);
    const tb = TIERS.indexOf(b.tier);
    expect(ta <= tb).toBe(true);
    if (ta === tb) expect(a.score).toBeGreaterThanOrEqual(b.score);
  }
  // The compact trace mirrors the result.
  expect(trace.scored.map((s) => s[0])).toEqual(ranked);
  trace.scored.forEach(([, levels, tier, conf], i) => {
    const c = result.candidates[i];
    expect(levels).toBe(Object.values(c.scores).map((l) => l[1]).join(""));
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
        checkInvariants(result, trace, carriers.map((c) => c.id));
      }),
      { numRuns: 60 },
    );
  });

  it("revenue above every band → no candidates", () => {
    const capped: Carrier[] = carriers.map((c) => ({
      ...c,
      lines: Object.fromEntries(Object.entries(c.lines).map(([k, l]) => [k, { ...l, revenue_max: l!.revenue_max ?? 5e9 }])),
    }));
    fc.assert(
      fc.property(carrierProfile, fc.integer({ min: 10_000_000_001, max: 1e12 }), (p, revenue) => {
        const { result } = evaluate("carriers", { ...p, revenue }, capped, ctx);
        expect(result.candidates).toEqual([]);
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
          const e = explain("carriers", p, carriers.find((x) => x.id === c.id)!, ctx);
          if (!e.eligible) throw new Error(`${c.id} ranked but explain() filtered it`);
          expect(Object.fromEntries(Object.entries(e.dimensions).map(([d, v]) => [d, v.level]))).toEqual(c.scores);
          expect([e.tier.tier, e.confidence.confidence, e.score, e.reasoning]).toEqual([c.tier, c.confidence, c.score, c.reasoning]);
        }
        if (eliminated.length > 0) {
          const [code, ids] = eliminated[pick % eliminated.length];
          const e = explain("carriers", p, carriers.find((x) => x.id === ids[pick % ids.length])!, ctx);
          expect(e.eligible ? null : e.filter.code).toBe(code);
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
        checkInvariants(run.result, run.trace, providers.map((c) => c.id));
        for (const c of run.result.candidates.slice(0, 5)) {
          const e = explain("providers", p, providers.find((x) => x.id === c.id)!, ctx);
          expect(e.eligible && [Object.values(e.dimensions).map((d) => d.level), e.tier.tier, e.confidence.confidence]).toEqual([
            Object.values(c.scores), c.tier, c.confidence,
          ]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
