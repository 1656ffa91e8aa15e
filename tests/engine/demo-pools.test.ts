import { describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { CarrierSchema, ProviderSchema, evaluate, type Carrier } from "@/lib/engine";
import { demoPools, generateCarriers, generateProviders, isTier1 } from "@/lib/pools/demo";
import { AS_OF, SEED_PROFILE, countBy } from "./fixtures";

const pools = demoPools();
const all = pools.find((p) => p.id === "carriers:all")!.candidates as Carrier[];

describe("demo pools", () => {
  it("ships the three pools with their domains", () => {
    expect(pools.map((p) => [p.id, p.domain])).toEqual([
      ["carriers:all", "carriers"],
      ["carriers:tier1", "carriers"],
      ["providers:network", "providers"],
    ]);
    expect(all).toHaveLength(1847);
  });

  it("is reproducible: same seed → byte-identical JSON; another seed → another pool", () => {
    expect(JSON.stringify(generateCarriers())).toBe(JSON.stringify(all));
    expect(JSON.stringify(generateProviders())).toBe(JSON.stringify(pools[2].candidates));
    expect(JSON.stringify(generateCarriers(1847, 1))).not.toBe(JSON.stringify(all));
  });

  it("validates against the candidate schemas, with unique ids and names", () => {
    for (const c of all) CarrierSchema.parse(c);
    for (const p of pools[2].candidates) ProviderSchema.parse(p);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.naic_code)).size).toBe(all.length);
  });

  it("has DOMAIN.md's distributions", () => {
    const share = (n: number) => n / all.length;
    const market = countBy(all, (c) => c.market_type);
    expect(share(market.admitted)).toBeGreaterThan(0.82);
    expect(share(market.admitted)).toBeLessThan(0.9);
    expect(share(market.es)).toBeGreaterThan(0.07);
    expect(share(market.both)).toBeGreaterThan(0.015);
    const ratings = countBy(all, (c) => c.am_best_rating ?? "NR");
    expect(share(ratings["A"] + ratings["A-"])).toBeGreaterThan(0.5);
    expect(ratings["C"] + ratings["C-"] + ratings["D"]).toBeGreaterThan(0);
    const footprint = (c: Carrier) => c.admitted_states.length + c.surplus_lines_states.length;
    expect(all.filter((c) => c.market_type === "admitted" && footprint(c) >= 40).length).toBeGreaterThan(300);
    expect(all.filter((c) => c.market_type === "admitted" && footprint(c) <= 15).length).toBeGreaterThan(800);
    expect(all.every((c) => c.last_verified == null || c.last_verified <= "2026-11-01")).toBe(true);
  });

  it("carriers:tier1 is the A- or better, size VIII+ subset (a few hundred)", () => {
    const tier1 = pools[1].candidates as Carrier[];
    expect(tier1.length).toBeGreaterThan(200);
    expect(tier1.length).toBeLessThan(600);
    expect(tier1).toEqual(all.filter(isTier1));
    for (const c of tier1) {
      expect(["A++", "A+", "A", "A-"]).toContain(c.am_best_rating);
      expect(["VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]).toContain(c.financial_size);
    }
  });
});

describe("the seed profile on carriers:all", () => {
  const { result, trace } = evaluate("carriers", SEED_PROFILE, all, { asOf: AS_OF });

  it("gives tens of eligible carriers with every tier and every confidence", () => {
    expect(result.pool_size).toBe(1847);
    expect(result.filtered).toBeGreaterThanOrEqual(30);
    expect(result.filtered).toBeLessThanOrEqual(120);
    const tiers = countBy(result.candidates, (c) => c.tier);
    const conf = countBy(result.candidates, (c) => c.confidence);
    expect(Object.keys(tiers).sort()).toEqual(["MODERATE_FIT", "STRONG_FIT", "WEAK_FIT"]);
    expect(Object.keys(conf).sort()).toEqual(["HIGH", "LOW", "MEDIUM"]);
    expect(result.candidates[0].tier).toBe("STRONG_FIT");
  });

  it("gives every candidate its own specific reasoning", () => {
    const reasons = result.candidates.map((c) => c.reasoning);
    expect(new Set(reasons).size).toBe(reasons.length);
    for (const r of reasons) expect(r).toMatch(/^(Strong|Solid|Limited|Marginal) CA prof\. liability appetite/);
  });

  it("records why each removed carrier was removed", () => {
    const removed = Object.values(trace.eliminated).reduce((n, ids) => n + ids.length, 0);
    expect(removed + result.filtered).toBe(1847);
    expect(Object.keys(trace.eliminated)).toContain("state_not_admitted");
    expect(trace).toMatchObject({ domain: "carriers", as_of: AS_OF, pool_size: 1847 });
    expect(trace.rules_hash).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("compact trace size", () => {
  it("stays under 40 KB gzipped even when all 1,847 carriers are eligible", () => {
    // Open every carrier to a CA professional-liability risk so that nothing is filtered: the worst case for the trace.
    const open: Carrier[] = all.map((c) => {
      const line = c.lines.professional_liability ?? Object.values(c.lines)[0]!;
      return {
        ...c,
        admitted_states: c.admitted_states.includes("CA") ? c.admitted_states : [...c.admitted_states, "CA"],
        am_best_rating: ["A++", "A+", "A", "A-", "B++", "B+"].includes(c.am_best_rating ?? "") ? c.am_best_rating : "B+",
        lines: { professional_liability: { ...line, revenue_min: 0, revenue_max: null } },
      };
    });
    const { result, trace } = evaluate("carriers", SEED_PROFILE, open, { asOf: AS_OF });
    expect(result.filtered).toBe(1847);
    const traceGz = gzipSync(JSON.stringify(trace)).length;
    const resultGz = gzipSync(JSON.stringify(result)).length;
    console.info(`all-eligible trace: ${traceGz} B gzip; result: ${resultGz} B gzip`);
    expect(traceGz).toBeLessThan(40 * 1024);
  });
});
