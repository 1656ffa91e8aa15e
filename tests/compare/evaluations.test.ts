import { describe, expect, it } from "vitest";
import { compareEvaluations, DomainMismatchError } from "@/lib/compare/evaluations";
import { evaluate } from "@/lib/engine";
import { AS_OF, carrier, SEED_PROFILE } from "../engine/fixtures";
import { AFTER, BEFORE } from "./fixtures";

const snapshot = (evalId: string, profile: Record<string, unknown>, pool: ReturnType<typeof carrier>[]) => {
  const { result, trace } = evaluate("carriers", profile, pool, { asOf: AS_OF });
  return {
    eval_id: evalId,
    domain: "carriers",
    pool: "carriers:test",
    pool_version: 1,
    rules_version: 0,
    engine_version: trace.engine_version,
    profile,
    candidates: result.candidates,
    eliminated: trace.eliminated,
    names: new Map(pool.map((c) => [c.id, c.name])),
  };
};

describe("compareEvaluations on two stored fixture evaluations", () => {
  const cmp = compareEvaluations(BEFORE, AFTER);

  it("lists the inputs that differ, profile fields first", () => {
    expect(cmp.inputs).toEqual([
      { field: "profile.revenue", a: 12_000_000, b: 40_000_000 },
      { field: "profile.naics", a: null, b: "541511" },
      { field: "rules_version", a: 0, b: 2 },
    ]);
  });

  it("gives one entry per candidate that changed, material ones first", () => {
    expect(cmp.candidates.map((c) => [c.id, c.kinds, c.material])).toEqual([
      ["car_f", ["entered", "entered_top_tier"], true],
      ["car_b", ["left", "left_top_tier"], true],
      ["car_c", ["tier", "levels", "rank"], false],
      ["car_a", ["rank"], false],
      ["car_d", ["rank"], false],
    ]);
  });

  it("says which filter removed a candidate that left, and where one that entered ranks", () => {
    const left = cmp.candidates.find((c) => c.id === "car_b")!;
    expect(left.name).toBe("Birch Casualty");
    expect(left.a).toMatchObject({ status: "eligible", rank: 2, tier: "STRONG_FIT" });
    expect(left.b).toEqual({ status: "filtered", filter: "revenue_outside_band" });
    const entered = cmp.candidates.find((c) => c.id === "car_f")!;
    expect(entered.a).toEqual({ status: "filtered", filter: "revenue_outside_band" });
    expect(entered.b).toMatchObject({ status: "eligible", rank: 1, tier: "STRONG_FIT" });
  });

  it("names each level that changed and the tier and rank movement", () => {
    const c = cmp.candidates.find((x) => x.id === "car_c")!;
    expect(c.tier).toEqual({ a: "MODERATE_FIT", b: "WEAK_FIT" });
    expect(c.levels).toEqual([
      { dimension: "coverage", a: "L2", b: "L3" },
      { dimension: "pricing", a: "L2", b: "L3" },
    ]);
    expect(cmp.candidates.find((x) => x.id === "car_d")!.rank).toEqual({ a: 4, b: 3, moved: 1 });
    expect(cmp.candidates.find((x) => x.id === "car_a")!.rank).toEqual({ a: 1, b: 2, moved: -1 });
  });

  it("summarises in counts and words", () => {
    expect(cmp.summary).toMatchObject({
      entered: 1,
      left: 1,
      entered_top_tier: 1,
      left_top_tier: 1,
      tier_up: 0,
      tier_down: 1,
      levels_changed: 1,
      moved_up: 1,
      moved_down: 2,
      unchanged: 0,
      material: true,
    });
    expect(cmp.summary.sentences).toEqual([
      "1 carrier became eligible",
      "1 carrier is no longer eligible",
      "1 carrier entered Strong fit",
      "1 carrier left Strong fit",
      "1 carrier changed tier (0 up, 1 down)",
      "1 carrier scored differently on at least one dimension",
      "3 carriers moved in the ranking (1 up, 2 down)",
    ]);
  });

  it("finds nothing in an evaluation compared with itself", () => {
    const same = compareEvaluations(BEFORE, BEFORE);
    expect(same.candidates).toEqual([]);
    expect(same.inputs).toEqual([]);
    expect(same.summary).toMatchObject({ material: false, unchanged: 4, sentences: ["No carriers changed"] });
  });

  it("refuses evaluations of two domains", () => {
    expect(() => compareEvaluations(BEFORE, { ...AFTER, domain: "providers" })).toThrow(DomainMismatchError);
  });

  it("reports candidates only one pool version has", () => {
    const cmp2 = compareEvaluations(BEFORE, {
      ...BEFORE,
      eval_id: "eval_x",
      pool_version: 2,
      eliminated: { state_not_admitted: ["car_e", "car_g"] },
      names: new Map([["car_g", "Gum Tree Re"]]),
    });
    expect(cmp2.inputs).toEqual([{ field: "pool_version", a: 1, b: 2 }]);
    expect(cmp2.candidates.map((c) => [c.id, c.name, c.kinds])).toEqual([
      ["car_f", "Fir Assurance", ["removed_from_pool"]],
      ["car_g", "Gum Tree Re", ["added_to_pool"]],
    ]);
  });
});

describe("compareEvaluations on the engine's own output", () => {
  it("a profile edit that crosses a revenue band shows the carrier leaving with its filter", () => {
    const pool = [carrier({ id: "car_1", name: "One Mutual" }), carrier({ id: "car_2", name: "Two Casualty" }, { revenue_max: 20_000_000 })];
    const before = snapshot("eval_a", SEED_PROFILE, pool);
    const after = snapshot("eval_b", { ...SEED_PROFILE, revenue: 18_000_000 }, pool);
    const cmp = compareEvaluations(before, after);
    expect(cmp.inputs).toEqual([{ field: "profile.revenue", a: 12_000_000, b: 18_000_000 }]);
    const one = cmp.candidates.find((c) => c.id === "car_1")!;
    expect(one.kinds).toContain("left");
    expect(one.b).toEqual({ status: "filtered", filter: "exposure_outside_band" });
    expect(cmp.candidates.find((c) => c.id === "car_2")).toMatchObject({ kinds: ["rank"], rank: { a: 2, b: 1, moved: 1 } });
    expect(cmp.summary.material).toBe(true);
  });
});
