import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { DOMAINS } from "@/lib/engine";
import { call } from "@/tests/api/helpers";
import { snakeCase } from "@/lib/api/contract";

// The OpenAPI document describes every route that exists under app/api/v1, and its JSON Schemas
// are well-formed (a structural check: every $ref resolves, every keyword has the right type).

type Json = Record<string, unknown>;
let doc: Json;

beforeAll(async () => {
  const res = await call(GET, "/api/v1/openapi.json");
  expect(res.status).toBe(200);
  doc = res.json as Json;
});

/** The public paths of app/api/v1's route handlers, in OpenAPI spelling ({eval_id}). */
function routePaths(): { path: string; methods: string[] }[] {
  const root = path.join(process.cwd(), "app", "api", "v1");
  const out: { path: string; methods: string[] }[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), [...segments, entry.name]);
      else if (entry.name === "route.ts") {
        if (segments.some((s) => s.startsWith("[...")) || segments.includes("openapi.json")) continue;
        const source = fs.readFileSync(path.join(dir, entry.name), "utf8");
        // methods with a real handler (apiRoute), not the 405 stubs
        const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = apiRoute/g)].map((m) => m[1].toLowerCase());
        out.push({
          path: `/api/v1/${segments.map((s) => s.replace(/^\[(\w+)\]$/, (_, name: string) => `{${snakeCase(name)}}`)).join("/")}`.replace(/\/$/, ""),
          methods,
        });
      }
    }
  };
  walk(root, []);
  return out;
}

describe("GET /api/v1/openapi.json", () => {
  it("is OpenAPI 3.1.0 with info, servers and the X-API-Key scheme", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect((doc.info as Json).title).toBeTruthy();
    expect((doc.servers as Json[])[0].url).toMatch(/^https?:\/\//);
    expect((doc.components as Json).securitySchemes).toMatchObject({ ApiKey: { type: "apiKey", in: "header", name: "X-API-Key" } });
  });

  it("has every path and method that app/api/v1 serves", () => {
    const paths = doc.paths as Record<string, Json>;
    const routes = routePaths();
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(["/api/v1/jobs", "/api/v1/jobs/{eval_id}", "/api/v1/pools"]));
    for (const r of routes) {
      expect(paths, r.path).toHaveProperty([r.path]);
      for (const m of r.methods) expect(paths[r.path], `${m.toUpperCase()} ${r.path}`).toHaveProperty([m]);
    }
  });

  it("every operation has an operationId, a summary and responses; errors point at the Error schema", () => {
    for (const [p, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.operationId, `${method} ${p}`).toBeTruthy();
        expect(op.summary, `${method} ${p}`).toBeTruthy();
        const responses = op.responses as Record<string, Json>;
        expect(Object.keys(responses).length).toBeGreaterThan(0);
        for (const [status, r] of Object.entries(responses)) {
          if (Number(status) >= 400)
            expect((r.content as Json)["application/json"], `${method} ${p} ${status}`).toEqual({ schema: { $ref: "#/components/schemas/Error" } });
        }
      }
    }
  });

  it("CreateJobBody requires profile and pool; webhook_url and rerun_of are optional", () => {
    const body = (doc.components as { schemas: Record<string, Json> }).schemas.CreateJobBody;
    expect(body.type).toBe("object");
    expect(body.required).toEqual(expect.arrayContaining(["profile", "pool"]));
    expect(body.required).not.toContain("webhook_url");
    expect(body.required).not.toContain("rerun_of");
    expect(Object.keys(body.properties as Json).sort()).toEqual(["pool", "profile", "rerun_of", "webhook_url"]);
    expect(body.additionalProperties).toBe(false);
    const post = (doc.paths as Record<string, Record<string, Json>>)["/api/v1/jobs"].post;
    expect(post.requestBody).toMatchObject({ required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/CreateJobBody" } } } });
    expect(Object.keys(post.responses as Json)).toEqual(expect.arrayContaining(["202", "400", "401", "409", "413", "415", "429"]));
  });

  it("has a profile schema for each domain, with its required fields", () => {
    const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
    const ids = Object.keys(DOMAINS);
    expect(ids).toEqual(expect.arrayContaining(["carriers", "providers"]));
    for (const id of ids) {
      const name = `${id[0].toUpperCase()}${id.slice(1)}Profile`;
      expect(schemas, name).toHaveProperty([name]);
      expect(schemas[name].type).toBe("object");
      expect(schemas[name].required).toContain("entity");
    }
    expect(schemas.CarriersProfile.required).toEqual(expect.arrayContaining(["entity", "state", "line"]));
    // Engine 2: the exposure a line is rated on is required for that line, stated on the field.
    const props = schemas.CarriersProfile.properties as Record<string, Json>;
    expect((props.revenue["x-required-when"] as { line: string[] }).line).toContain("professional_liability");
    expect(props.payroll["x-required-when"]).toEqual({ line: ["workers_compensation"] });
    expect(props.tiv["x-required-when"]).toEqual({ line: ["property"] });
    const profile = (schemas.CreateJobBody.properties as Json).profile as { oneOf: Json[] };
    expect(profile.oneOf.map((r) => r.$ref).sort()).toEqual(ids.map((id) => `#/components/schemas/${id[0].toUpperCase()}${id.slice(1)}Profile`).sort());
  });

  it("its JSON Schemas are well-formed and every $ref resolves", () => {
    const problems = checkSchemas(doc);
    expect(problems).toEqual([]);
  });
});

// ---- a structural JSON Schema (2020-12) check, enough to catch a broken generator ----

const TYPES = new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);
const SCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SCHEMA_KEYWORDS = [
  "items",
  "additionalProperties",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "unevaluatedProperties",
  "unevaluatedItems",
];
const SCHEMA_LIST_KEYWORDS = ["allOf", "anyOf", "oneOf", "prefixItems"];

function resolvePointer(root: Json, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), root);
}

function checkSchema(root: Json, s: unknown, at: string, problems: string[]) {
  if (typeof s === "boolean") return;
  if (!s || typeof s !== "object" || Array.isArray(s)) return void problems.push(`${at}: not a schema`);
  const schema = s as Json;
  if (typeof schema.$ref === "string" && resolvePointer(root, schema.$ref) === undefined) problems.push(`${at}: $ref ${schema.$ref} does not resolve`);
  // JSON Schema 2020-12 §8.2.1: "$id" MUST NOT contain a non-empty fragment (validators reject it)
  if (schema.$id !== undefined && (typeof schema.$id !== "string" || /#./.test(schema.$id))) problems.push(`${at}: $id ${String(schema.$id)} has a fragment`);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    for (const t of types) if (!TYPES.has(t as string)) problems.push(`${at}: unknown type ${String(t)}`);
  }
  if (schema.required !== undefined) {
    if (!Array.isArray(schema.required) || schema.required.some((r) => typeof r !== "string")) problems.push(`${at}: required is not a list of names`);
    else if (schema.properties)
      for (const r of schema.required) if (!(r in (schema.properties as Json))) problems.push(`${at}: required ${r} is not a property`);
  }
  if (schema.enum !== undefined && (!Array.isArray(schema.enum) || schema.enum.length === 0)) problems.push(`${at}: enum is not a non-empty list`);
  if (schema.pattern !== undefined) {
    try {
      new RegExp(schema.pattern as string, "u");
    } catch {
      problems.push(`${at}: pattern does not compile`);
    }
  }
  for (const k of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems"]) {
    if (schema[k] !== undefined && typeof schema[k] !== "number") problems.push(`${at}: ${k} is not a number`);
  }
  for (const k of SCHEMA_MAP_KEYWORDS) {
    if (schema[k] === undefined) continue;
    if (typeof schema[k] !== "object") problems.push(`${at}.${k}: not an object`);
    else for (const [name, sub] of Object.entries(schema[k] as Json)) checkSchema(root, sub, `${at}.${k}.${name}`, problems);
  }
  for (const k of SCHEMA_KEYWORDS) if (schema[k] !== undefined) checkSchema(root, schema[k], `${at}.${k}`, problems);
  for (const k of SCHEMA_LIST_KEYWORDS) {
    if (schema[k] === undefined) continue;
    if (!Array.isArray(schema[k]) || (schema[k] as unknown[]).length === 0) problems.push(`${at}.${k}: not a non-empty list`);
    else (schema[k] as unknown[]).forEach((sub, i) => checkSchema(root, sub, `${at}.${k}[${i}]`, problems));
  }
}

function checkSchemas(root: Json): string[] {
  const problems: string[] = [];
  for (const [name, s] of Object.entries((root.components as { schemas: Json }).schemas)) checkSchema(root, s, `components.schemas.${name}`, problems);
  // every schema used by an operation or webhook: parameters, bodies, responses, headers
  const visit = (node: unknown, at: string) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${at}[${i}]`));
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === "schema") checkSchema(root, v, `${at}.schema`, problems);
      else visit(v, `${at}.${k}`);
    }
  };
  visit(root.paths, "paths");
  visit(root.webhooks, "webhooks");
  return problems;
}
