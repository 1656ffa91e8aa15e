import { describe, expect, it } from "vitest";
import { noStrongFitFirst } from "@/components/batches/use-batch";
import { csvCell } from "@/lib/batches/read";

describe("batch summary order", () => {
  it("puts rows with no strong fit (none, failed, nothing eligible) first, each part in row order", () => {
    const t = (s: number) => ({ STRONG_FIT: s, MODERATE_FIT: 1, WEAK_FIT: 0 });
    const rows = [
      { row: 1, tiers: t(3) },
      { row: 2, tiers: t(0) },
      { row: 3, tiers: null }, // failed or not finished
      { row: 4, tiers: t(1) },
      { row: 5, tiers: t(0) },
    ];
    expect(noStrongFitFirst(rows).map((r) => r.row)).toEqual([2, 3, 5, 1, 4]);
  });
});

describe("batch results CSV cells", () => {
  it("quotes separators and shows formula-like text instead of running it", () => {
    expect(csvCell("acme, inc")).toBe('"acme, inc"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
  });
});
