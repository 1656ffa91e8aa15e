import { DIMENSIONS, type Row } from "./model";

// The filtered, sorted list exactly as the table shows it, one candidate a row. papaparse is
// loaded on the first export, not with the page.

export const CSV_COLUMNS = ["rank", "name", "tier", "confidence", "score", ...DIMENSIONS, "reasoning"] as const;

export async function toCsv(rows: Row[]): Promise<string> {
  const { default: Papa } = await import("papaparse");
  return Papa.unparse({
    fields: [...CSV_COLUMNS],
    data: rows.map((r) => [r.rank, r.name, r.tier, r.confidence, r.score, ...DIMENSIONS.map((d) => r.scores[d]), r.reasoning]),
  }, { escapeFormulae: true }); // a name like "=HYPERLINK(…)" must not run as a spreadsheet formula
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
