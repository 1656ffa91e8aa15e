import { afterEach, describe, expect, it } from "vitest";
import { readHistoryState, toApiQuery, toPageQuery } from "@/components/history/search-params";

// The History page's date filters mean the reader's own calendar days.

const tz = process.env.TZ;
afterEach(() => {
  process.env.TZ = tz;
});

const state = (q: string) => readHistoryState(new URLSearchParams(q));

describe("History date filters", () => {
  it("send local-day boundaries as instants: California's Nov 28 is 08:00Z to 07:59:59.999Z next day", () => {
    process.env.TZ = "America/Los_Angeles";
    const api = new URLSearchParams(toApiQuery(state("created_gte=2026-11-28&created_lte=2026-11-28&status=completed")));
    expect(api.get("created_gte")).toBe("2026-11-28T08:00:00.000Z");
    expect(api.get("created_lte")).toBe("2026-11-29T07:59:59.999Z");
    expect(api.get("status")).toBe("completed");
  });

  it("in UTC the boundaries are the UTC day, and the page URL keeps the plain dates", () => {
    process.env.TZ = "UTC";
    const s = state("created_gte=2026-03-01&created_lte=2026-03-31");
    const api = new URLSearchParams(toApiQuery(s));
    expect(api.get("created_gte")).toBe("2026-03-01T00:00:00.000Z");
    expect(api.get("created_lte")).toBe("2026-03-31T23:59:59.999Z");
    expect(new URLSearchParams(toPageQuery(s)).get("created_gte")).toBe("2026-03-01");
  });

  it("ignores dates that are not YYYY-MM-DD", () => {
    const api = new URLSearchParams(toApiQuery(state("created_gte=yesterday&created_lte=2026-13")));
    expect(api.has("created_gte")).toBe(false);
    expect(api.has("created_lte")).toBe(false);
  });
});

describe("History Live / Test", () => {
  it("mode=test is kept in the page URL (and so in saved views) and sent to the API; anything else is live", () => {
    const s = state("mode=test&status=completed");
    expect(s.mode).toBe("test");
    expect(toPageQuery(s)).toBe("mode=test&status=completed");
    expect(new URLSearchParams(toApiQuery(s)).get("mode")).toBe("test");
    for (const q of ["", "mode=live", "mode=TEST", "mode="]) {
      expect(state(q).mode).toBe("");
      expect(new URLSearchParams(toApiQuery(state(q))).has("mode")).toBe(false);
      expect(toPageQuery(state(q))).not.toContain("mode");
    }
  });
});
