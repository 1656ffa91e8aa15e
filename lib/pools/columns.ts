import type { z } from "zod";
import type { ErrorDetail } from "@/lib/errors";

// How a candidate record maps to one flat CSV row, derived from the domain's candidate schema so
// that both domains (and any later one) import and export without a hand-written column list.
//
//  - top-level fields are columns named like the field: `am_best_rating`
//  - fields of a nested object are dotted columns: `placement.hit_ratio`
//  - lists of plain values are one cell separated by `;`: `CA;NY;TX` (a cell starting with `[`
//    is read as a JSON array instead, e.g. `[]` for an empty optional list)
//  - everything else nested (records such as `lines`, lists of objects such as `networks`) is a
//    JSON cell: `{"cyber":{"appetite":"target"}}`
//  - an empty cell leaves the field out (a required list becomes `[]`); `null` in a nullable
//    column is null; numbers and `true`/`false` are converted, anything else is kept as text so
//    that validation reports it against the field.

export type ColumnKind = "string" | "number" | "boolean" | "list" | "json";

export interface Column {
  name: string;
  path: string[];
  kind: ColumnKind;
  /** for lists: whether items are numbers */
  numericItems?: boolean;
  optional: boolean;
  nullable: boolean;
}

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; in?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function primitive(s: z.ZodType): "string" | "number" | "boolean" | null {
  const def = defOf(s);
  if (def.type === "optional" || def.type === "nullable" || def.type === "default") return primitive(def.innerType!);
  if (def.type === "pipe") return primitive(def.in!);
  if (def.type === "number" || def.type === "int") return "number";
  if (def.type === "boolean") return "boolean";
  if (def.type === "string" || def.type === "enum" || def.type === "literal") return "string";
  return null;
}

function walk(schema: z.ZodType, path: string[], optional: boolean, nullable: boolean, out: Column[]) {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "default":
      return walk(def.innerType!, path, true, nullable, out);
    case "nullable":
      return walk(def.innerType!, path, optional, true, out);
    case "pipe":
      return walk(def.in!, path, optional, nullable, out);
    case "object":
      // A nullable object cannot be told apart from "all its columns empty": keep it as JSON.
      if (!nullable || path.length === 0) {
        for (const [key, field] of Object.entries(def.shape!)) walk(field, [...path, key], false, false, out);
        return;
      }
      break;
    case "array": {
      const item = primitive(def.element!);
      if (item === "string" || item === "number") {
        out.push({ name: path.join("."), path, kind: "list", numericItems: item === "number", optional, nullable });
        return;
      }
      break;
    }
    default: {
      const kind = primitive(schema);
      if (kind) {
        out.push({ name: path.join("."), path, kind, optional, nullable });
        return;
      }
    }
  }
  out.push({ name: path.join("."), path, kind: "json", optional, nullable });
}

const columnCache = new WeakMap<z.ZodType, Column[]>();

/** The CSV columns of a candidate schema, in the schema's field order. */
export function candidateColumns(schema: z.ZodObject): Column[] {
  let cols = columnCache.get(schema);
  if (!cols) {
    cols = [];
    walk(schema, [], false, false, cols);
    columnCache.set(schema, cols);
  }
  return cols;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** One cell → the field's value (undefined: leave the field out), or a problem with the cell. */
export function decodeCell(col: Column, raw: string): { value: unknown } | { problem: Omit<ErrorDetail, "path"> } {
  const cell = raw.trim();
  if (cell === "") return { value: col.kind === "list" && !col.optional ? [] : undefined };
  if (col.nullable && cell === "null") return { value: null };
  switch (col.kind) {
    case "number":
      return { value: NUMBER.test(cell) ? Number(cell) : cell };
    case "boolean":
      return { value: /^true$/i.test(cell) ? true : /^false$/i.test(cell) ? false : cell };
    case "list":
      if (cell.startsWith("[")) return parseJsonCell(cell);
      return {
        value: cell
          .split(";")
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => (col.numericItems && NUMBER.test(s) ? Number(s) : s)),
      };
    case "json":
      return parseJsonCell(cell);
    default:
      return { value: cell };
  }
}

function parseJsonCell(cell: string) {
  try {
    return { value: JSON.parse(cell) as unknown };
  } catch {
    return { problem: { code: "invalid_json", message: "not valid JSON" } };
  }
}

/** A field's value → its cell, the inverse of decodeCell (export). */
export function encodeCell(col: Column, value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return "null";
  if (col.kind === "list" && Array.isArray(value)) {
    if (value.length === 0) return col.optional ? "[]" : "";
    const items = value.map(String);
    return items.some((s) => s.includes(";") || s.trim() !== s || s === "") ? JSON.stringify(value) : items.join(";");
  }
  if (col.kind === "json" || typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Read a value at a column's path (export). */
export function valueAt(record: unknown, path: string[]): unknown {
  let v = record;
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Set a value at a column's path, creating the nested objects on the way (import). */
export function setAt(record: Record<string, unknown>, path: string[], value: unknown) {
  let target = record;
  for (const key of path.slice(0, -1)) {
    target[key] ??= {};
    target = target[key] as Record<string, unknown>;
  }
  target[path[path.length - 1]] = value;
}
