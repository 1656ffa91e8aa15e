import { describe, expect, it } from "vitest";
import { evaluate, resolveRules, type RuleOverrides } from "@/lib/engine";
import { dropLegacyRules } from "@/lib/engine/rules";
import { AS_OF, PROVIDER_PROFILE, provider } from "./fixtures";

// Engine 1's provider rules judged distance by ZIP-prefix gaps; engine 2 measures miles. An
// organization that saved `filters.max_zip3_gap` (or engine 1's distance levels) before the upgrade
// must keep getting evaluations: the old rules are dropped, and the trace says so.

const LEGACY: Record<string, unknown> = {
  weights: { placement: 40 },
  filters: { max_zip3_gap: 10 },
  placement: {
    distance_levels: [
      { level: 1, max_zip3_gap: 0 },
      { level: 2, max_zip3_gap: 3 },
    ],
  },
};
const CURRENT: Record<string, unknown> = { weights: { placement: 40 } };
const pool = [provider(), provider({ id: "far", zip: "94601" }), provider({ id: "other", specialty: "neurology" })];

describe("rules saved for engine 1", () => {
  it("evaluate() runs with them, exactly as without them, and notes each dropped rule in the trace", () => {
    const legacy = evaluate("providers", PROVIDER_PROFILE, pool, { asOf: AS_OF, rules: LEGACY as RuleOverrides });
    const current = evaluate("providers", PROVIDER_PROFILE, pool, { asOf: AS_OF, rules: CURRENT as RuleOverrides });
    expect(legacy.result).toEqual(current.result);
    expect(legacy.trace.rules_hash).toBe(current.trace.rules_hash);
    const notes = legacy.trace.notes ?? [];
    expect(notes.filter((n) => n.startsWith("Rule filters.max_zip3_gap = 10 was saved for an earlier engine"))).toHaveLength(1);
    expect(notes.filter((n) => n.startsWith("Rule placement.distance_levels = [{"))).toHaveLength(1);
    expect(current.trace.notes ?? []).not.toContainEqual(expect.stringContaining("earlier engine"));
  });

  it("still refuses an unknown rule that no engine had (a typo is not a legacy rule)", () => {
    expect(() => evaluate("providers", PROVIDER_PROFILE, pool, { asOf: AS_OF, rules: { filters: { max_zip_gap: 3 } } as RuleOverrides })).toThrow(
      /Unknown rule rules\.filters\.max_zip_gap/,
    );
  });

  it("keeps engine 2's distance levels when they are already in the new shape", () => {
    const levels = [
      { level: 1, max_standard_multiple: 0.25 },
      { level: 2, max_standard_multiple: 1 },
      { level: 3, max_standard_multiple: 2 },
    ];
    const { overrides, notes } = dropLegacyRules({ placement: { distance_levels: levels } }, [
      { path: "placement.distance_levels", elementKey: "max_zip3_gap", note: "x" },
    ]);
    expect(notes).toEqual([]);
    expect((resolveRules("providers", overrides as never) as unknown as { placement: { distance_levels: unknown } }).placement.distance_levels).toEqual(levels);
  });

  it("never changes the caller's overrides, and hands back the same object when nothing is legacy", () => {
    const copy = structuredClone(LEGACY);
    dropLegacyRules(LEGACY, [{ path: "filters.max_zip3_gap", note: "x" }]);
    expect(LEGACY).toEqual(copy);
    expect(dropLegacyRules(CURRENT, [{ path: "filters.max_zip3_gap", note: "x" }]).overrides).toBe(CURRENT);
  });
});
