import { describe, expect, it } from "vitest";
import { filtersQuery, readFilters, withFilters } from "@/components/results/filters-param";
import { DEFAULT_SORT, NO_FILTERS } from "@/components/results/model";

describe("results filters in the URL", () => {
  it("round-trips filters and sort", () => {
    const filters = { tiers: ["STRONG_FIT", "MODERATE_FIT"], confidences: ["HIGH"], maxLevel: { appetite: "L2", pricing: "L3" }, text: "mutual" } as never;
    const sort = { key: "score", dir: "descending" } as const;
    const q = filtersQuery(filters, sort);
    expect(q).toBe("tier=STRONG_FIT,MODERATE_FIT&confidence=HIGH&max=appetite:L2,pricing:L3&q=mutual&sort=score:descending");
    expect(readFilters(q)).toEqual({ filters, sort });
  });

  it("leaves defaults out and drops what it does not know", () => {
    expect(filtersQuery(NO_FILTERS, DEFAULT_SORT)).toBe("");
    expect(readFilters("tier=GREAT,WEAK_FIT&max=appetite:L9,color:L1,service:L4&sort=price:up&view=view_1")).toEqual({
      filters: { ...NO_FILTERS, tiers: ["WEAK_FIT"] },
      sort: DEFAULT_SORT,
    });
  });

  it("replaces only its own parameters in a location's query", () => {
    const strong = { ...NO_FILTERS, tiers: ["STRONG_FIT"] } as never;
    expect(withFilters("?compare=c1,c2&tier=WEAK_FIT&view=view_1", strong, DEFAULT_SORT)).toBe("?compare=c1,c2&view=view_1&tier=STRONG_FIT");
    expect(withFilters("?tier=WEAK_FIT", NO_FILTERS, DEFAULT_SORT)).toBe("");
  });
});
