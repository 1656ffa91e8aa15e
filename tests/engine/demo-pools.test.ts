import { describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { CarrierSchema, MONOPOLISTIC_WC_STATES, ProviderSchema, evaluate, type Carrier, type CarrierLine } from "@/lib/engine";
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

describe("demo carriers: engine-2 invariants", () => {
  const lineRecords = all.flatMap((c) => Object.entries(c.lines).map(([line, l]) => ({ c, line, l: l as CarrierLine })));

  it("no workers' compensation where it cannot be written: never in a monopolistic state, never by an E&S-only company", () => {
    for (const { c, line, l } of lineRecords) {
      if (line !== "workers_compensation") continue;
      expect(c.market_type).not.toBe("es");
      expect(l.states!.length).toBeGreaterThan(0);
      for (const st of l.states!) {
        expect(MONOPOLISTIC_WC_STATES).not.toContain(st);
        expect(c.admitted_states).toContain(st);
      }
    }
  });

  it("no financial size category without an AM Best rating", () => {
    const unrated = all.filter((c) => c.am_best_rating == null || c.am_best_rating === "NR");
    expect(unrated.length).toBeGreaterThan(10);
    for (const c of unrated) expect(c.financial_size ?? null).toBeNull();
  });

  it("class guides use NAICS 2022 codes (459991, not 2017's 453991) with target, consider and prohibited entries", () => {
    const json = JSON.stringify(all);
    expect(json).not.toContain("453991");
    expect(json).toContain('"459991":"prohibited"');
    const kinds = new Set(lineRecords.flatMap(({ l }) => Object.values(l.naics_appetite ?? {})));
    expect(kinds).toEqual(new Set(["target", "consider", "prohibited"]));
    expect(lineRecords.filter(({ l }) => !l.naics_appetite).length).toBeGreaterThan(0); // some guides list no classes: unknown
  });

  it("carrier groups: E&S affiliates share the group code and name stem of an admitted company", () => {
    const affiliates = all.filter((c) => c.group_name && c.market_type === "es");
    expect(affiliates.length).toBeGreaterThan(50);
    for (const a of affiliates) {
      const stem = a.group_name!.replace(/ Group$/, "");
      const parent = all.find((c) => c.market_type === "admitted" && c.naic_group_code === a.naic_group_code && c.name.startsWith(stem));
      expect(parent, a.name).toBeDefined();
    }
  });

  it("segment drives correlated attributes: large-account lines carry higher limits, minimum premiums and retentions than small-business ones", () => {
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const large = lineRecords.filter(({ l }) => (l.revenue_min ?? 0) >= 50_000_000);
    const small = lineRecords.filter(({ l }) => l.revenue_max != null && l.revenue_max <= 10_000_000 && !l.revenue_min);
    expect(large.length).toBeGreaterThan(30);
    const of = (rs: typeof large, f: (l: CarrierLine) => number | null | undefined) => median(rs.map(({ l }) => f(l)).filter((v): v is number => v != null));
    expect(of(large, (l) => l.min_premium)).toBeGreaterThan(3 * of(small, (l) => l.min_premium));
    expect(of(large, (l) => l.max_limit)).toBeGreaterThan(of(small, (l) => l.max_limit));
    expect(of(large, (l) => l.min_retention)).toBeGreaterThan(of(small, (l) => l.min_retention ?? 0));
    // Non-revenue lines carry their band in their own basis.
    const wc = lineRecords.filter(({ line }) => line === "workers_compensation");
    for (const { l } of wc) expect(l.revenue_min ?? l.revenue_max ?? null).toBeNull();
    expect(wc.some(({ l }) => l.exposure_max != null || l.exposure_min != null)).toBe(true);
  });

  it("appetite varies by state: coastal property is tougher in Florida than in Ohio", () => {
    const prop = lineRecords.filter(({ line }) => line === "property").map(({ l }) => l);
    const limitedIn = (st: "FL" | "OH") => prop.filter((l) => l.state_appetite?.[st] === "limited").length;
    expect(limitedIn("FL")).toBeGreaterThan(3 * Math.max(1, limitedIn("OH")));
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
    // The seed gives no NAICS, years or loss history: where a guide checks them, confidence cannot be HIGH.
    expect(conf.LOW).toBeGreaterThan(0);
    expect(conf.MEDIUM).toBeGreaterThan(0);
    expect(result.candidates[0].tier).toBe("STRONG_FIT");
    expect(new Set(result.candidates.map((c) => c.market))).toEqual(new Set(["admitted", "surplus_lines"]));
    const full = evaluate("carriers", { ...SEED_PROFILE, naics: "541511", years_in_business: 12, prior_claims: 0, deductible: 25_000 }, all, {
      asOf: AS_OF,
    }).result;
    expect(Object.keys(countBy(full.candidates, (c) => c.confidence)).sort()).toEqual(["HIGH", "LOW", "MEDIUM"]);
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
    // Engine 2's class guides would keep the seed profile out of nothing here; the open pool tests the trace's size.
    // Open every carrier to a CA professional-liability risk so that nothing is filtered: the worst case for the trace.
    const open: Carrier[] = all.map((c) => {
      const line = c.lines.professional_liability ?? Object.values(c.lines)[0]!;
      return {
        ...c,
        admitted_states: c.admitted_states.includes("CA") ? c.admitted_states : [...c.admitted_states, "CA"],
        am_best_rating: ["A++", "A+", "A", "A-", "B++", "B+"].includes(c.am_best_rating ?? "") ? c.am_best_rating : "B+",
        lines: { professional_liability: { ...line, revenue_min: 0, revenue_max: null, states: undefined, min_premium: null } },
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
