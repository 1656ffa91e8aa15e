import { describe, expect, it } from "vitest";
import { formatDuration, formatMoney, percent } from "@/components/ui/format";

describe("dashboard formatting", () => {
  it("durations: milliseconds under a second, one decimal under a minute, then minutes", () => {
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(12.4)).toBe("12 ms");
    expect(formatDuration(999)).toBe("999 ms");
    expect(formatDuration(1850)).toBe("1.9 s");
    expect(formatDuration(59_940)).toBe("59.9 s");
    expect(formatDuration(75_000)).toBe("1 min 15 s");
    expect(formatDuration(-5)).toBe("0 ms"); // clocks of two machines can disagree slightly
  });

  it("money and percentages", () => {
    expect(formatMoney(12_000_000)).toBe("$12,000,000");
    expect(percent(19, 94)).toBe(20);
    expect(percent(1, 0)).toBe(0);
  });
});
