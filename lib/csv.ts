// One CSV cell for every export (batch results, stale carriers, the audit log). Written here rather
// than with papaparse's unparse because the exports stream row by row and share one rule papaparse
// does not apply by default: text a spreadsheet would run as a formula (= + - @ TAB CR at the start)
// is defused with a leading "'".

/** A cell: objects as JSON, null/undefined empty; quoted when needed (or always, with `quote: "always"`). */
export function csvCell(v: unknown, opts: { quote?: "needed" | "always" } = {}): string {
  let s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return opts.quote === "always" || /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
