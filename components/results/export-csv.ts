import { DIMENSIONS, type Row } from "./model";

// The filtered, sorted list exactly as the table shows it, one candidate a row. papaparse is
// loaded on the first export, not with the page.

export const CSV_COLUMNS = ["rank", "name", "market", "premium_indication", "tier", "confidence", "score", ...DIMENSIONS, "reasoning"] as const;

// A name like "=HYPERLINK(…)" must not run as a spreadsheet formula: such cells get a leading "'".
// papaparse's own `escapeFormulae: true` tests /^[=+\-@\t\r].*$/, which misses any value with a
// line break after the first character ("=HYPERLINK(…)\nx"); only the first character matters.
const FORMULA_START = /^[=+\-@\t\r]/;

export async function toCsv(rows: Row[]): Promise<string> {
  const { default: Papa } = await import("papaparse");
  return Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: rows.map((r) => [
        r.rank,
        r.name,
        r.market ?? "",
        r.premium_indication ?? "",
        r.tier,
        r.confidence,
        r.score,
        ...DIMENSIONS.map((d) => r.scores[d]),
        r.reasoning,
      ]),
    },
    { escapeFormulae: FORMULA_START },
  );
}

export async function downloadCsv(evalId: string, rows: Row[]) {
  const blob = new Blob([await toCsv(rows)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `nexio-${evalId}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
