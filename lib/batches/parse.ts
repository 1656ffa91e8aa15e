import crypto from "node:crypto";
import { Readable, Transform } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import Papa from "papaparse";
import type { z } from "zod";
import { fromZodIssues, invalid, ValidationError, type ErrorDetail } from "@/lib/errors";
import { assertStorable } from "@/lib/api/body";
import { candidateColumns, decodeCell, setAt, valueAt, type Column } from "@/lib/pools/columns";
import { BATCH_LIMITS, type BatchFileFormat, type BatchReport } from "@/lib/batches/schemas";

// A batch upload, read as it streams in: CSV (one column per profile field, like a pool file),
// a JSON array of profile objects, or NDJSON (one profile per line). The body is never held
// whole: rows are cut from the stream, each validated against the pool's profile schema at once,
// and only the valid profiles (small objects) are kept. The 10,001st row stops the read with a
// 400, as does the byte limit with a 413. Rows count from 1 over data rows (a CSV header is not a
// row; blank lines are skipped); problems read `rows[12].state` / "Row 12, state: …", like pool import.

export interface ParsedBatch {
  /** valid rows, in file order, with their row numbers */
  rows: { row: number; profile: Record<string, unknown> }[];
  report: BatchReport;
  /** SHA-256 of the bytes received, for Idempotency-Key */
  bodyHash: string;
}

const rowPath = (row: number, field?: string) => (field ? `rows[${row}].${field}` : `rows[${row}]`);
const rowLabel = (row: number, field?: string) => (field ? `Row ${row}, ${field}: ` : `Row ${row}: `);
const quote = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 80);

class RowCollector {
  readonly rows: ParsedBatch["rows"] = [];
  readonly details: ErrorDetail[] = [];
  omitted = 0;
  invalidRows = 0;
  count = 0;
  constructor(private readonly schema: z.ZodObject) {}

  /** One row as read: its value and the problems the reader found (bad CSV cell, bad JSON). */
  add(value: unknown, own: ErrorDetail[]) {
    const row = ++this.count;
    if (row > BATCH_LIMITS.maxRows) {
      throw invalid(`The file has more than ${BATCH_LIMITS.maxRows} rows`, [
        { path: "rows", code: "too_many_rows", message: `over ${BATCH_LIMITS.maxRows} rows` },
      ]);
    }
    const problems = [...own];
    if (problems.length === 0) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        problems.push({ path: rowPath(row), code: "invalid_type", message: `${rowLabel(row)}expected an object with the profile's fields` });
      } else {
        try {
          assertStorable(value);
          const parsed = this.schema.safeParse(value);
          if (parsed.success) this.rows.push({ row, profile: parsed.data as Record<string, unknown> });
          else problems.push(...describeIssues(row, value, parsed.error.issues));
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          problems.push({ path: rowPath(row), code: "invalid_string", message: `${rowLabel(row)}${err.message}` });
        }
      }
    }
    if (problems.length > 0) {
      this.invalidRows++;
      for (const p of problems) {
        if (this.details.length < BATCH_LIMITS.maxDetails) this.details.push(p);
        else this.omitted++;
      }
    }
  }
}

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

/** The request body (already limited in bytes by the route) as a stream of text, hashed as it passes. */
function textStream(body: ReadableStream<Uint8Array>, hash: crypto.Hash) {
  const decoder = new StringDecoder("utf8");
  let first = true;
  const limit = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      let text = decoder.write(chunk);
      if (first && text.length > 0) {
        text = text.replace(/^\uFEFF/, "");
        first = false;
      }
      done(null, text.length > 0 ? text : undefined);
    },
    flush(done) {
      const rest = decoder.end();
      done(null, rest.length > 0 ? rest : undefined);
    },
  });
  const source = Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
  source.on("error", (err) => limit.destroy(err));
  return source.pipe(limit);
}

/**
 * Read and validate a whole upload. Problems with the file as such (unknown columns, not JSON, too
 * many rows, too large) throw at once; problems with rows come back in the report.
 */
export async function parseBatchFile(
  schema: z.ZodObject,
  format: BatchFileFormat,
  body: ReadableStream<Uint8Array> | null,
  salt: string,
): Promise<ParsedBatch> {
  const hash = crypto.createHash("sha256").update(salt).update("\n");
  const rows = new RowCollector(schema);
  const text = body ? textStream(body, hash) : Readable.from([]);
  try {
    if (format === "csv") await csvRows(schema, text, rows);
    else await jsonRows(schema, text, rows, format);
  } finally {
    text.destroy();
  }
  if (rows.count === 0) throw invalid("The file has no data rows", [{ path: "rows", code: "empty", message: "no rows" }]);
  return {
    rows: rows.rows,
    report: { rows: rows.count, valid: rows.rows.length, invalid: rows.invalidRows, details: rows.details, omitted: rows.omitted },
    bodyHash: hash.digest("hex"),
  };
}

async function csvRows(schema: z.ZodObject, text: Readable, out: RowCollector) {
  let columns: Column[] | null = null;
  await new Promise<void>((resolve, reject) => {
    text.on("error", reject);
    Papa.parse<string[]>(text as unknown as File, {
      skipEmptyLines: "greedy",
      step(results, parser) {
        try {
          const cells = results.data;
          if (!columns) {
            columns = headerColumns(schema, cells);
            return;
          }
          const row = out.count + 1;
          const problems: ErrorDetail[] = [];
          for (const e of results.errors) problems.push({ path: rowPath(row), code: "invalid_csv", message: `${rowLabel(row)}${e.message}` });
          if (cells.length !== columns.length) {
            problems.push({ path: rowPath(row), code: "column_count", message: `${rowLabel(row)}has ${cells.length} cells, the header has ${columns.length}` });
          }
          const value: Record<string, unknown> = {};
          columns.forEach((col, c) => {
            const cell = cells[c] ?? "";
            if (cell.includes("\u0000")) {
              problems.push({ path: rowPath(row, col.name), code: "invalid_string", message: `${rowLabel(row, col.name)}contains a NUL character` });
              return;
            }
            const decoded = decodeCell(col, cell);
            if ("problem" in decoded)
              problems.push({ path: rowPath(row, col.name), code: decoded.problem.code, message: `${rowLabel(row, col.name)}${decoded.problem.message}` });
            else if (decoded.value !== undefined) setAt(value, col.path, decoded.value);
          });
          out.add(value, problems);
        } catch (err) {
          // reject first: abort() calls `complete` at once, which would resolve
          reject(err);
          parser.abort();
        }
      },
      complete: () => resolve(),
      error: (err: Error) => reject(err),
    });
  });
  if (!columns) throw invalid("The file is empty", [{ path: "file", code: "empty", message: "no header row" }]);
}

/** The header row → one known profile column per cell; unknown, repeated or missing required names fail the file. */
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
  if (details.length > 0) throw invalid(`The header row does not match the profile: ${details[0].message}`, details);
  return columns;
}

/**
 * JSON: a top-level array whose elements are cut out of the stream one by one (depth and string
 * state carried across chunks) and parsed alone; NDJSON: one value per non-blank line.
 */
async function jsonRows(schema: z.ZodObject, text: Readable, out: RowCollector, format: "json" | "ndjson") {
  const known = new Set(Object.keys(schema.shape));
  const emit = (raw: string) => {
    const row = out.count + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      out.add(undefined, [{ path: rowPath(row), code: "invalid_json", message: `${rowLabel(row)}not valid JSON` }]);
      return;
    }
    const unknown = value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value).filter((k) => !known.has(k)) : [];
    out.add(
      value,
      unknown.map((k) => ({ path: rowPath(row, k), code: "unrecognized_keys", message: `${rowLabel(row, k)}unknown field` })),
    );
  };

  if (format === "ndjson") {
    let carry = "";
    for await (const chunk of text as AsyncIterable<string>) {
      const lines = (carry + chunk).split("\n");
      carry = lines.pop()!;
      for (const line of lines) if (line.trim() !== "") emit(line);
      if (carry.length > BATCH_LIMITS.maxRowBytes)
        throw invalid(`A line is longer than ${BATCH_LIMITS.maxRowBytes} bytes`, [
          { path: rowPath(out.count + 1), code: "row_too_long", message: "line too long" },
        ]);
    }
    if (carry.trim() !== "") emit(carry);
    return;
  }

  const notArray = () =>
    invalid("A JSON batch file is an array of profile objects", [{ path: "file", code: "invalid_type", message: "expected an array of profile objects" }]);
  let started = false; // seen the opening [
  let ended = false; // seen the closing ]
  let depth = 0; // nesting inside the current element
  let inString = false;
  let escape = false;
  let element: string[] = [];
  let elementLength = 0;
  let inElement = false;
  let segmentStart = -1;
  for await (const chunk of text as AsyncIterable<string>) {
    segmentStart = inElement ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (ended) {
        if (!/\s/.test(ch)) throw invalid("The file is not valid JSON", [{ path: "file", code: "invalid_json", message: "text after the array" }]);
        continue;
      }
      if (!started) {
        if (ch === "[") started = true;
        else if (!/\s/.test(ch)) throw notArray();
        continue;
      }
      if (!inElement) {
        // between elements
        if (/\s/.test(ch) || ch === ",") continue;
        if (ch === "]") {
          ended = true;
          continue;
        }
        segmentStart = i;
        inElement = true;
        depth = 0;
      }
      if (inString) {
        if (escape) escape = false;
        else if (ch === "\\") escape = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === "{" || ch === "[") depth++;
      else if (ch === "}" || ch === "]") {
        if (depth === 0) {
          // the array's own ] right after a scalar element
          finish(i);
          ended = true;
          continue;
        }
        depth--;
        if (depth === 0) finish(i + 1);
      } else if (ch === "," && depth === 0) finish(i);
    }
    if (inElement) {
      element.push(chunk.slice(segmentStart));
      elementLength += chunk.length - segmentStart;
      if (elementLength > BATCH_LIMITS.maxRowBytes)
        throw invalid(`A profile is longer than ${BATCH_LIMITS.maxRowBytes} bytes`, [
          { path: rowPath(out.count + 1), code: "row_too_long", message: "element too long" },
        ]);
    }

    function finish(end: number) {
      element.push(chunk.slice(segmentStart, end));
      emit(element.join(""));
      element = [];
      elementLength = 0;
      segmentStart = -1;
      inElement = false;
    }
  }
  if (!started) throw invalid("The file is empty", [{ path: "file", code: "empty", message: "no rows" }]);
  if (!ended) throw invalid("The file is not valid JSON", [{ path: "file", code: "invalid_json", message: "the array is not closed" }]);
}
