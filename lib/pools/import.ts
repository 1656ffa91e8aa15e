import Papa from "papaparse";
import type { z } from "zod";
import { assertStorable } from "@/lib/api/body";
import { fromZodIssues, invalid, type ErrorDetail } from "@/lib/errors";
import { candidateColumns, decodeCell, setAt, valueAt, type Column } from "@/lib/pools/columns";
import { POOL_IMPORT_LIMITS } from "@/lib/pools/schemas";

// An organization's pool file (CSV or JSON) → validated candidates, or a report of every
// problem. All or nothing: one invalid row and nothing is imported. Rows are counted from 1 over
// the data rows (the CSV header is not a row, blank lines are skipped); problem paths read
// `rows[12].am_best_rating`, with the same 1-based number.

export const POOL_FILE_FORMATS = ["csv", "json"] as const;
export type PoolFileFormat = (typeof POOL_FILE_FORMATS)[number];

export { POOL_IMPORT_LIMITS };

export interface ImportReport {
  rows: number;
  valid: number;
  invalid: number;
  /** at most maxDetails problems, in row order */
  details: ErrorDetail[];
  /** problems found but not listed */
  omitted: number;
}

export type ParsedPoolFile = { ok: true; candidates: unknown[]; report: ImportReport } | { ok: false; report: ImportReport };

interface RawRow {
  row: number;
  value: unknown;
  problems: ErrorDetail[];
}

const rowPath = (row: number, field?: string) => (field ? `rows[${row}].${field}` : `rows[${row}]`);
/** Messages start `Row 12, am_best_rating: ` so that they read alone and the dashboard can split them. */
const rowLabel = (row: number, field?: string) => (field ? `Row ${row}, ${field}: ` : `Row ${row}: `);
const quote = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 80);

/** zod's issues for one row, with the row, the field and (for a value not in a list) what the file says. */
function describeIssues(row: number, value: unknown, issues: z.core.$ZodIssue[]): ErrorDetail[] {
  const generic = fromZodIssues(issues, [rowPath(row)]).details;
  return issues.map((issue, i) => {
    const field = issue.path.map(String).join(".");
    const got = valueAt(value, issue.path.map(String));
    let text = issue.message;
    if (issue.code === "invalid_type" && got === undefined) text = "missing";
    else if (issue.code === "invalid_value" && "values" in issue) {
      const allowed = issue.values.map(String);
      text = `${quote(got)} is not one of ${allowed.slice(0, 15).join(", ")}${allowed.length > 15 ? `, … (${allowed.length} values)` : ""}`;
    } else if (issue.code === "unrecognized_keys") text = generic[i].message;
    return { ...generic[i], message: `${rowLabel(row, field || undefined)}${text}` };
  });
}

/**
 * Parse and validate a whole file against a domain's candidate schema. Problems with the file as
 * a whole (not JSON, no header, unknown columns, too many rows) throw a 400 at once; problems
 * with rows come back in the report.
 */
export function parsePoolFile(schema: z.ZodObject, format: PoolFileFormat, text: string): ParsedPoolFile {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw invalid("The file is empty", [{ path: "file", code: "empty", message: "no rows" }]);
  const rows = format === "csv" ? csvRows(schema, body) : jsonRows(schema, body);
  if (rows.length === 0) throw invalid("The file has no data rows", [{ path: "rows", code: "empty", message: "no rows" }]);
  if (rows.length > POOL_IMPORT_LIMITS.maxRows) throw tooManyRows();
  return validateRows(schema, rows);
}

// Refused as soon as row 20,001 is seen, before anything is built for it: a 10 MiB file of one-
// character lines is 5 million rows, and building every one first took seconds and gigabytes.
const tooManyRows = (max: number = POOL_IMPORT_LIMITS.maxRows) =>
  invalid(`The file has more than ${max.toLocaleString("en-US")} rows; at most ${max.toLocaleString("en-US")} can be imported`, [
    { path: "rows", code: "too_many_rows", message: `over ${max} rows` },
  ]);

/**
 * Counts the candidates of a JSON pool file (the items of the top-level array, or of the arrays the
 * top-level object holds) without parsing it, and refuses the file once there are more than
 * `maxRows`: n items are n − 1 commas at that level. Strings are skipped with their escapes, so
 * commas and brackets inside them do not count.
 */
export function assertJsonRowCount(text: string, maxRows: number = POOL_IMPORT_LIMITS.maxRows) {
  let top = 0; // char code of the outermost container
  let depth = 0;
  let parentIsArray = false; // the container at `depth` is an array (tracked for depth 1 and 2)
  const kinds: boolean[] = [];
  let commas = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (depth === 0) top = c;
      kinds[depth] = c === 0x5b;
      depth++;
      parentIsArray = c === 0x5b;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
      parentIsArray = depth > 0 && kinds[depth - 1];
    } else if (c === 0x2c /* , */ && parentIsArray && (top === 0x5b ? depth === 1 : depth === 2)) {
      if (++commas >= maxRows) throw tooManyRows(maxRows);
    }
  }
}

function validateRows(schema: z.ZodObject, rows: RawRow[]): ParsedPoolFile {
  const problems: ErrorDetail[] = [];
  const invalidRows = new Set<number>();
  const candidates: unknown[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const { row, value, problems: own } of rows) {
    const found = [...own];
    const parsed = schema.safeParse(value);
    if (parsed.success) candidates.push(parsed.data);
    else found.push(...describeIssues(row, value, parsed.error.issues));
    // Ids are checked on every row, valid or not: a repeat of an invalid row is still a repeat.
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id === "string") {
      const first = firstRowOfId.get(id);
      if (first !== undefined)
        found.push({ path: rowPath(row, "id"), code: "duplicate_id", message: `${rowLabel(row, "id")}${quote(id)} is already used by row ${first}` });
      else firstRowOfId.set(id, row);
    }
    if (found.length > 0) {
      invalidRows.add(row);
      problems.push(...found);
    }
  }
  if (problems.length === 0) {
    // Strings a JSON cell or document smuggled in that PostgreSQL cannot store (NUL) → 400, not 500.
    assertStorable(candidates);
  }
  const report: ImportReport = {
    rows: rows.length,
    valid: rows.length - invalidRows.size,
    invalid: invalidRows.size,
    details: problems.slice(0, POOL_IMPORT_LIMITS.maxDetails),
    omitted: Math.max(0, problems.length - POOL_IMPORT_LIMITS.maxDetails),
  };
  return problems.length === 0 ? { ok: true, candidates, report } : { ok: false, report };
}

function jsonRows(schema: z.ZodObject, text: string): RawRow[] {
  assertJsonRowCount(text);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw invalid("The file is not valid JSON", [{ path: "file", code: "invalid_json", message: "not valid JSON" }]);
  }
  assertStorable(doc);
  const list = Array.isArray(doc) ? doc : (doc as { candidates?: unknown } | null)?.candidates;
  if (!Array.isArray(list)) {
    throw invalid('A JSON pool file is an array of candidates or {"candidates": [...]}', [
      { path: "file", code: "invalid_type", message: "expected an array of candidate objects" },
    ]);
  }
  const known = new Set(Object.keys(schema.shape));
  return list.map((value, i) => {
    const row = i + 1;
    const unknown = value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value).filter((k) => !known.has(k)) : [];
    const problems = unknown.map((k) => ({ path: rowPath(row, k), code: "unrecognized_keys", message: `${rowLabel(row, k)}unknown field` }));
    return { row, value, problems };
  });
}

function csvRows(schema: z.ZodObject, text: string): RawRow[] {
  if (text.includes("\u0000")) throw invalid("The file contains NUL characters", [{ path: "file", code: "invalid_string", message: "contains NUL" }]);
  // Row by row (papaparse's step): the header is checked first, rows are counted as they come, and
  // the 20,001st stops the parse before it is built.
  let columns: Column[] | null = null;
  let headerError: unknown = null;
  let tooMany = false;
  const rows: RawRow[] = [];
  // papaparse guesses the delimiter and line break by scanning the whole input; guessed from the
  // first rows instead, the parse stops as soon as it is aborted.
  const { delimiter, linebreak } = Papa.parse<string[]>(text.slice(0, 64 * 1024), { preview: 20, skipEmptyLines: "greedy" }).meta;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: linebreak as "\n" | "\r\n" | "\r" | undefined,
    skipEmptyLines: "greedy",
    step: (result, parser) => {
      if (columns === null) {
        try {
          columns = headerColumns(schema, result.data ?? []);
        } catch (err) {
          headerError = err;
          parser.abort();
        }
        return;
      }
      const row = rows.length + 1;
      if (row > POOL_IMPORT_LIMITS.maxRows) {
        tooMany = true;
        parser.abort();
        return;
      }
      rows.push(csvRow(columns, row, result.data, result.errors[0]?.message));
    },
  });
  if (headerError) throw headerError;
  if (tooMany) throw tooManyRows();
  if (columns === null) headerColumns(schema, []);
  return rows;
}

function csvRow(columns: Column[], row: number, cells: string[], note: string | undefined): RawRow {
  const problems: ErrorDetail[] = [];
  if (note) problems.push({ path: rowPath(row), code: "invalid_csv", message: `${rowLabel(row)}${note}` });
  if (cells.length !== columns.length) {
    problems.push({ path: rowPath(row), code: "column_count", message: `${rowLabel(row)}has ${cells.length} cells, the header has ${columns.length}` });
  }
  const value: Record<string, unknown> = {};
  columns.forEach((col, c) => {
    const decoded = decodeCell(col, cells[c] ?? "");
    if ("problem" in decoded)
      problems.push({ path: rowPath(row, col.name), code: decoded.problem.code, message: `${rowLabel(row, col.name)}${decoded.problem.message}` });
    else if (decoded.value !== undefined) setAt(value, col.path, decoded.value);
  });
  return { row, value, problems };
}

/** The header row → one known column per cell; unknown or repeated names fail the file. */
function headerColumns(schema: z.ZodObject, header: string[]): Column[] {
  const byName = new Map(candidateColumns(schema).map((c) => [c.name, c]));
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  const columns = header.map((raw, i) => {
    const name = raw.trim();
    const col = byName.get(name);
    if (!col) details.push({ path: `columns[${i + 1}]`, code: "unknown_column", message: `Unknown column "${name}"` });
    else if (seen.has(name)) details.push({ path: `columns[${i + 1}]`, code: "duplicate_column", message: `Column "${name}" appears twice` });
    seen.add(name);
    return col!;
  });
  for (const col of byName.values()) {
    if (col.path.length === 1 && !col.optional && !seen.has(col.name)) {
      details.push({ path: "columns", code: "missing_column", message: `Required column "${col.name}" is missing` });
    }
  }
  if (details.length > 0) {
    const known = [...byName.keys()].join(", ");
    throw invalid(`${details[0].message}. Columns are the candidate fields: ${known}`, details);
  }
  return columns;
}
