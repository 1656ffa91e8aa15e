import { describe, expect, it } from "vitest";
import { diffCandidate, diffPoolVersions, type PoolRecord } from "@/lib/compare/pool-diff";
import { carrier, provider } from "../engine/fixtures";

const c = (...args: Parameters<typeof carrier>) => carrier(...args) as unknown as PoolRecord;

describe("diffCandidate", () => {
  it("gives dotted paths, treats absent as null and lists as sets", () => {
    const a = c({ admitted_states: ["CA", "NV", "OR"] }, { rate_position: -8 });
    const b = c({ admitted_states: ["OR", "CA", "TX"], naic_code: null, last_verified: "2026-11-01" }, { rate_position: -2 });
    expect(diffCandidate(a, b)).toEqual([
      { path: "naic_code", a: "12345", b: null },
      { path: "admitted_states", a: ["CA", "NV", "OR"], b: ["OR", "CA", "TX"], added: ["TX"], removed: ["NV"] },
      { path: "lines.professional_liability.rate_position", a: -8, b: -2 },
      { path: "last_verified", a: "2026-10-01", b: "2026-11-01" },
    ]);
    expect(diffCandidate(c({ admitted_states: ["CA", "NV"] }), c({ admitted_states: ["NV", "CA"] }))).toEqual([]);
  });
});

describe("diffPoolVersions", () => {
  // 3 carriers drop California; one stops writing cyber; one is downgraded; appetite and bands move.
  const gl = { general_liability: { appetite: "target" as const, revenue_min: 0, revenue_max: 50_000_000 } };
  const v1 = [
    c({ id: "c1", name: "One", lines: { ...gl } }),
    c({ id: "c2", name: "Two", lines: { ...gl } }),
    c({ id: "c3", name: "Three", lines: { ...gl } }),
    c({ id: "c4", name: "Four", lines: { ...gl, cyber: { appetite: "consider" } } }),
    c({ id: "c5", name: "Five" }),
    c({ id: "c6", name: "Six" }),
  ];
  const noCA: ("AZ" | "NV" | "OR" | "WA")[] = ["AZ", "NV", "OR", "WA"];
  const v2 = [
    c({ id: "c1", name: "One", admitted_states: noCA, lines: { ...gl } }),
    c({ id: "c2", name: "Two", admitted_states: noCA, lines: { ...gl } }),
    c({ id: "c3", name: "Three", admitted_states: noCA, lines: { general_liability: { appetite: "limited", revenue_min: 0, revenue_max: 20_000_000 } } }),
    c({ id: "c4", name: "Four", am_best_rating: "A-", lines: { ...gl } }),
    c({ id: "c5", name: "Five" }),
    c({ id: "c7", name: "Seven" }),
  ];
  const diff = diffPoolVersions("carriers", v1, v2);

  it("finds added, removed, changed and unchanged candidates", () => {
    expect(diff.added).toEqual([{ id: "c7", name: "Seven" }]);
    expect(diff.removed).toEqual([{ id: "c6", name: "Six" }]);
    expect(diff.changed.map((x) => x.id)).toEqual(["c1", "c2", "c3", "c4"]);
    expect(diff.unchanged).toBe(1);
    expect(diff.changed.find((x) => x.id === "c3")!.changes.map((x) => x.path)).toEqual([
      "admitted_states",
      "lines.general_liability.appetite",
      "lines.general_liability.revenue_max",
    ]);
  });

  it("says it in words, where carriers write first", () => {
    expect(diff.summary).toEqual([
      "1 carrier added (Seven)",
      "1 carrier removed (Six)",
      "1 carrier stopped writing cyber liability",
      "3 carriers no longer write CA general liability",
      "1 carrier weaker: general liability appetite",
      "1 carrier downgraded by AM Best",
      "1 carrier changed their general liability revenue band",
    ]);
  });

  it("says so when two versions hold the same data", () => {
    expect(diffPoolVersions("carriers", v1, v1)).toMatchObject({ added: [], removed: [], changed: [], unchanged: 6, summary: ["No differences"] });
  });

  it("summarises another domain's fields generically", () => {
    const p1 = [provider({ id: "p1" }), provider({ id: "p2" })] as unknown as PoolRecord[];
    const p2 = [
      provider({ id: "p1", accepting_new_patients: false }),
      provider({ id: "p2", accepting_new_patients: false, quality_stars: 3 }),
    ] as unknown as PoolRecord[];
    expect(diffPoolVersions("providers", p1, p2).summary).toEqual(["2 providers changed accepting new patients", "1 provider changed quality stars"]);
  });
});
