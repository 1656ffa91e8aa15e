// Reading the OpenAPI 3.1 document for the reference page: operations in document order, $ref
// resolution, and JSON Schema flattened into rows a person can scan (name, type, required,
// constraints, description). Pure functions: no React, no server-only code.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  title?: string;
  description?: string;
  examples?: unknown[];
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
};

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

export interface MediaType {
  schema?: JsonSchema;
  example?: unknown;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, { description?: string; schema?: JsonSchema }>;
  content?: Record<string, MediaType>;
}

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
  /** The API-key scope the operation needs (lib/keys/scopes.ts); a key without it gets 403 */
  "x-scope"?: string;
}

export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  webhooks?: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes?: Record<string, { type: string; in?: string; name?: string }> };
}

export interface OperationEntry {
  id: string;
  method: string;
  path: string;
  op: Operation;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** Every operation, in the document's order, with an id usable as an HTML anchor. */
export function operationsOf(doc: OpenApiDoc): OperationEntry[] {
  const out: OperationEntry[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    // the document's own order (POST /api/v1/jobs, the one everybody needs, comes first)
    for (const [method, op] of Object.entries(item)) {
      if (!(METHODS as readonly string[]).includes(method)) continue;
      out.push({ id: op.operationId ?? `${method}-${path.replace(/[^a-z0-9]+/gi, "-")}`, method: method.toUpperCase(), path, op });
    }
  }
  return out;
}

export const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

/** The schema a $ref points at (local refs only: the document has no others). */
export function resolve(doc: OpenApiDoc, schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) s = doc.components.schemas[refName(s.$ref)];
  return s;
}

// zod writes the safe-integer range on every int; it says nothing to a reader.
const SAFE = Number.MAX_SAFE_INTEGER;
const fmt = (n: number) => (Math.abs(n) >= 1e4 && Number.isInteger(n) ? n.toLocaleString("en-US") : String(n));

/** A short type label: `string`, `integer | null`, `array of Candidate`, `object (map)`… */
export function typeLabel(doc: OpenApiDoc, schema: JsonSchema | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.oneOf) return `one of ${schema.oneOf.map((s) => typeLabel(doc, s)).join(" | ")}`;
  if (schema.anyOf) return schema.anyOf.map((s) => typeLabel(doc, s)).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const label = types
    .map((t) => {
      if (t === "array") return `array of ${typeLabel(doc, schema.items)}`;
      if (t === "object" && !schema.properties && schema.additionalProperties !== undefined) return "object (map)";
      if (t === "string" && schema.format) return `string (${schema.format})`;
      return t;
    })
    .join(" | ");
  return label || (schema.const !== undefined ? typeof schema.const : "any");
}

/** Constraints worth telling a client: lengths, ranges, patterns, constants. */
export function constraints(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const s = schema.anyOf?.find((x) => x.type !== "null") ?? schema;
  const out: string[] = [];
  if (s.const !== undefined) out.push(`always ${JSON.stringify(s.const)}`);
  if (s.minLength !== undefined && s.maxLength !== undefined) out.push(`${s.minLength}–${s.maxLength} characters`);
  else if (s.maxLength !== undefined) out.push(`at most ${s.maxLength} characters`);
  else if (s.minLength !== undefined) out.push(`at least ${s.minLength} characters`);
  const min = s.minimum !== undefined && s.minimum > -SAFE ? s.minimum : undefined;
  const max = s.maximum !== undefined && s.maximum < SAFE ? s.maximum : undefined;
  const lower = min !== undefined ? `≥ ${fmt(min)}` : s.exclusiveMinimum !== undefined ? `> ${fmt(s.exclusiveMinimum)}` : undefined;
  const upper = max !== undefined ? `≤ ${fmt(max)}` : s.exclusiveMaximum !== undefined ? `< ${fmt(s.exclusiveMaximum)}` : undefined;
  if (min !== undefined && max !== undefined) out.push(`${fmt(min)} to ${fmt(max)}`);
  else if (lower && upper) out.push(`${lower} and ${upper}`);
  else if (lower ?? upper) out.push((lower ?? upper)!);
  // a format (date, email…) says it better than the regex zod writes for it
  if (s.pattern && !s.format) out.push(`pattern ${s.pattern}`);
  if (s.maxItems !== undefined) out.push(`at most ${s.maxItems} items`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

export function enumValues(schema: JsonSchema | undefined): unknown[] | undefined {
  if (!schema) return undefined;
  return schema.enum ?? schema.anyOf?.find((x) => x.enum)?.enum;
}

export interface FieldRow {
  /** dotted path from the schema's root: `candidates[].scores.appetite` */
  path: string;
  name: string;
  depth: number;
  type: string;
  required: boolean;
  description?: string;
  enum?: unknown[];
  constraints: string[];
  example?: unknown;
  /** alternatives (oneOf): each is rendered as its own table under this row */
  variants?: { name: string; rows: FieldRow[] }[];
}

/**
 * A schema's fields as rows, objects and arrays of objects expanded to `maxDepth`, $refs
 * resolved (a schema already on the path is not expanded again: no infinite tables).
 */
export function fieldRows(doc: OpenApiDoc, schema: JsonSchema | undefined, maxDepth = 3): FieldRow[] {
  const rows: FieldRow[] = [];
  const walk = (s: JsonSchema | undefined, prefix: string, depth: number, seen: Set<string>) => {
    const obj = resolve(doc, s);
    if (!obj?.properties) return;
    const required = new Set(obj.required ?? []);
    for (const [name, raw] of Object.entries(obj.properties)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const target = resolve(doc, raw);
      const row: FieldRow = {
        path,
        name,
        depth,
        type: typeLabel(doc, raw),
        required: required.has(name),
        description: raw.description ?? target?.description ?? raw.title,
        enum: enumValues(target),
        constraints: constraints(target),
        example: raw.examples?.[0] ?? target?.examples?.[0],
      };
      if (raw.oneOf) {
        row.variants = raw.oneOf.map((v) => ({ name: v.$ref ? refName(v.$ref) : typeLabel(doc, v), rows: fieldRows(doc, v, maxDepth - depth - 1) }));
      }
      rows.push(row);
      if (depth + 1 >= maxDepth || raw.oneOf) continue;
      const key = raw.$ref ?? raw.items?.$ref;
      if (key && seen.has(key)) continue;
      const next = new Set(seen);
      if (key) next.add(key);
      if (target?.properties) walk(target, path, depth + 1, next);
      else if (target?.type === "array" && resolve(doc, target.items)?.properties) walk(target.items, `${path}[]`, depth + 1, next);
    }
  };
  walk(schema, "", 0, new Set(schema?.$ref ? [schema.$ref] : []));
  return rows;
}

const FALLBACK_MEANING: Record<string, string> = {
  internal_error: "something failed on Nexio's side; retry later (the message never shows internals)",
};

/** Error responses of an operation as {status, code, meaning}, from "code: meaning" descriptions. */
export function errorCodes(op: Operation): { status: string; code: string; meaning: string }[] {
  return Object.entries(op.responses)
    .filter(([status]) => Number(status) >= 400)
    .map(([status, r]) => {
      const m = /^([a-z_]+)(?::\s*(.*))?$/s.exec(r.description);
      const code = m?.[1] ?? "";
      return { status, code, meaning: m?.[2] || FALLBACK_MEANING[code] || (m ? "" : r.description) };
    });
}

export function jsonSchemaOf(media: Record<string, MediaType> | undefined): JsonSchema | undefined {
  return media?.["application/json"]?.schema;
}
