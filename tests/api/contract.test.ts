import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { snakeCase, type RouteContract } from "@/lib/api/contract";
import { openApiDocument } from "@/lib/api/openapi";
import { ROUTES } from "@/lib/api/routes";
import { ListJobsQuery } from "@/lib/jobs/schemas";

// One contract per route: every route file under app/api (read from disk) declares each method it
// serves with a contract (apiRoute/publicRoute), that contract is in lib/api/routes.ts, and the
// OpenAPI document agrees with it — every path parameter, query parameter and status declared is
// there, and every path of the document has a route file.

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Route files that are not part of the API contract, and why. Anything else needs a contract. */
const UNDECLARED: Record<string, string> = {
  "app/api/auth/[...all]/route.ts": "better-auth's own endpoints (sign-in, sign-out, session), not Nexio's API",
  "app/api/v1/[...rest]/route.ts": "the JSON 404 for every path under /api/v1 that has no route",
  "app/api/v1/openapi.json/route.ts": "the document itself",
  "app/api/health/route.ts": "liveness for load balancers and the CLI, outside /api/v1",
  "app/api/ping/route.ts": "the no-op baseline bench/api.ts measures against",
};

interface RouteFile {
  file: string;
  /** The OpenAPI path the folder serves: app/api/v1/jobs/[evalId] → /api/v1/jobs/{eval_id}. */
  path: string;
  exports: Record<string, unknown>;
}

async function routeFiles(): Promise<RouteFile[]> {
  const out: RouteFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/^route\.tsx?$/.test(entry.name)) out.push({ file: rel, path: "", exports: {} });
    }
  };
  walk("app/api");
  for (const r of out) {
    r.path = `/${path.posix.dirname(r.file).replace(/^app\//, "")}`.replace(/\[(\w+)\]/g, (_, name: string) => `{${snakeCase(name)}}`);
    r.exports = await import(path.join(ROOT, r.file));
  }
  return out;
}

type Doc = ReturnType<typeof openApiDocument>;
type Operation = { parameters?: { name: string; in: string }[]; responses: Record<string, { content?: unknown }>; requestBody?: unknown };

/** Every way the route files, the contracts and the document disagree; [] when they agree. */
export function disagreements(files: RouteFile[], routes: readonly RouteContract[], doc: Doc): string[] {
  const problems: string[] = [];
  const served = new Set<string>();
  for (const f of files) {
    if (UNDECLARED[f.file]) continue;
    let declared = 0;
    for (const m of METHODS) {
      const handler = f.exports[m] as ({ contract?: RouteContract; methodNotAllowed?: string[] } & object) | undefined;
      if (!handler) continue;
      if (handler.methodNotAllowed) continue;
      const c = handler.contract;
      if (!c) {
        problems.push(`${f.file}: ${m} has no contract (apiRoute(contract, handler))`);
        continue;
      }
      declared++;
      served.add(`${c.method} ${c.path}`);
      if (c.method !== m.toLowerCase()) problems.push(`${f.file}: ${m} is declared as ${c.method}`);
      if (c.path !== f.path) problems.push(`${f.file}: ${m} is declared at ${c.path}, but the file serves ${f.path}`);
      if (!routes.includes(c)) problems.push(`${f.file}: ${m}'s contract ${c.operationId} is missing from lib/api/routes.ts`);
    }
    if (declared === 0) problems.push(`${f.file}: no method has a contract`);
  }

  const paths = doc.paths as Record<string, Record<string, Operation>>;
  for (const c of routes) {
    const op = paths[c.path]?.[c.method];
    if (!op) {
      problems.push(`document: no ${c.method.toUpperCase()} ${c.path}`);
      continue;
    }
    if (!served.has(`${c.method} ${c.path}`)) problems.push(`lib/api/routes.ts: ${c.operationId} is served by no route file`);
    const params = (where: string) =>
      (op.parameters ?? [])
        .filter((p) => p.in === where)
        .map((p) => p.name)
        .sort();
    const placeholders = [...c.path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    const declaredPath = Object.keys(c.params?.shape ?? {})
      .map(snakeCase)
      .sort();
    if (JSON.stringify(declaredPath) !== JSON.stringify(placeholders))
      problems.push(`${c.operationId}: params ${declaredPath} do not match the path's ${placeholders}`);
    if (JSON.stringify(params("path")) !== JSON.stringify(placeholders))
      problems.push(`${c.operationId}: the document's path parameters ${params("path")} are not ${placeholders}`);
    const query = Object.keys(c.query?.shape ?? {}).sort();
    if (JSON.stringify(params("query")) !== JSON.stringify(query))
      problems.push(`${c.operationId}: the document's query parameters ${params("query")} are not the accepted ${query}`);
    // A scoped route's 403 (a key without the scope) is added by the document when its table lacks it.
    const statuses = [...new Set([...Object.keys(c.responses), ...Object.keys(c.errors), ...(c.scope ? ["403"] : [])])].sort();
    if (JSON.stringify(Object.keys(op.responses).sort()) !== JSON.stringify(statuses))
      problems.push(`${c.operationId}: the document's statuses ${Object.keys(op.responses)} are not ${statuses}`);
    for (const [status, r] of Object.entries(c.responses)) {
      if (r.schema && !op.responses[status]?.content) problems.push(`${c.operationId}: ${status} has no schema in the document`);
    }
    if ((c.body || c.rawBody) && !op.requestBody) problems.push(`${c.operationId}: the document has no request body`);
  }
  for (const [p, item] of Object.entries(paths)) {
    for (const method of Object.keys(item)) if (!served.has(`${method} ${p}`)) problems.push(`document: ${method.toUpperCase()} ${p} has no route`);
  }
  return problems;
}

describe("one contract per route", async () => {
  const files = await routeFiles();
  const doc = openApiDocument("http://localhost");

  it("every route an API key can call declares its scope, and the OpenAPI document gives it a 403", () => {
    // Routes for signed-in people only ("session", "settings-admin") never take a key.
    const doc = openApiDocument("http://localhost") as {
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown>; "x-scope"?: string }>>;
    };
    const ops = new Map(Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => [o.operationId, o] as const)));
    const missing = ROUTES.filter((c) => c.access !== "settings-admin" && c.access !== "session" && !c.scope && !c.security).map((c) => c.operationId);
    expect(missing, "routes a key can reach without a declared scope").toEqual([]);
    for (const c of ROUTES.filter((r) => r.scope)) {
      expect(ops.get(c.operationId)?.responses["403"], c.operationId).toBeDefined();
      expect(ops.get(c.operationId)?.["x-scope"], c.operationId).toBe(c.scope);
    }
  });

  it("walks every route file under app/api", () => {
    expect(files.length).toBeGreaterThanOrEqual(19);
    expect(files.map((f) => f.file)).toEqual(
      expect.arrayContaining(["app/api/v1/jobs/route.ts", "app/api/traces/[evalId]/route.ts", ...Object.keys(UNDECLARED)]),
    );
    expect(files.find((f) => f.file === "app/api/v1/jobs/[evalId]/deliveries/route.ts")?.path).toBe("/api/v1/jobs/{eval_id}/deliveries");
  });

  it("every route declares a contract, and the OpenAPI document agrees with each one", () => {
    expect(disagreements(files, ROUTES, doc)).toEqual([]);
  });

  it("lists every query parameter GET /api/v1/jobs accepts, created_gte and created_lte included", () => {
    const op = (doc.paths as Record<string, Record<string, Operation>>)["/api/v1/jobs"].get;
    const names = op.parameters!.filter((p) => p.in === "query").map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["created_gte", "created_lte", "limit", "starting_after", "status", "pool", "q"]));
    expect(names.sort()).toEqual(Object.keys(ListJobsQuery.shape).sort());
  });

  it("gives the deliveries operations, the webhooks and the trace JSON their schemas", () => {
    const paths = doc.paths as Record<string, Record<string, Operation>>;
    expect(paths["/api/v1/jobs/{eval_id}/deliveries"].get.responses["200"].content).toEqual({
      "application/json": { schema: { $ref: "#/components/schemas/DeliveryList" } },
    });
    expect(paths["/api/v1/jobs/{eval_id}/deliveries"].post.responses["202"].content).toEqual({
      "application/json": { schema: { $ref: "#/components/schemas/Delivery" } },
    });
    expect(paths["/api/traces/{eval_id}"].get.responses["200"].content).toEqual({ "application/json": { schema: { $ref: "#/components/schemas/Trace" } } });
    const webhook = (name: string) =>
      (doc.webhooks as Record<string, { post: { requestBody: { content: Record<string, { schema: unknown }> } } }>)[name].post.requestBody.content[
        "application/json"
      ].schema;
    expect(webhook("evaluationCompleted")).toEqual({ $ref: "#/components/schemas/JobResult" });
    expect(webhook("evaluationFailed")).toEqual({ $ref: "#/components/schemas/JobFailed" });
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    expect(schemas.JobFailed.required).toEqual(expect.arrayContaining(["eval_id", "status", "error", "audit", "livemode"]));
    expect(Object.keys(schemas.Trace.properties!)).toEqual(expect.arrayContaining(["eval_id", "eliminated", "scored", "rules_version"]));
  });

  // The check must be able to fail.
  it("reports a route without a contract, a contract missing from the registry, and a document that drifts", () => {
    const jobs = files.find((f) => f.file === "app/api/v1/jobs/route.ts")!;
    const bare = { ...jobs, exports: { ...jobs.exports, GET: async () => new Response() } };
    expect(
      disagreements(
        files.map((f) => (f === jobs ? bare : f)),
        ROUTES,
        doc,
      ),
    ).toContain("app/api/v1/jobs/route.ts: GET has no contract (apiRoute(contract, handler))");

    const extra = {
      file: "app/api/v1/extra/route.ts",
      path: "/api/v1/extra",
      exports: { GET: Object.assign(async () => new Response(), { contract: { ...ROUTES[1], path: "/api/v1/extra" } }) },
    };
    expect(disagreements([...files, extra], ROUTES, doc)).toContain("app/api/v1/extra/route.ts: GET's contract listJobs is missing from lib/api/routes.ts");

    const drifted = structuredClone(doc);
    const list = (drifted.paths as Record<string, Record<string, Operation>>)["/api/v1/jobs"].get;
    list.parameters = list.parameters!.filter((p) => p.name !== "created_gte");
    delete list.responses["400"];
    (drifted.paths as Record<string, unknown>)["/api/v1/ghost"] = { get: {} };
    const problems = disagreements(files, ROUTES, drifted);
    expect(problems.some((p) => p.startsWith("listJobs: the document's query parameters"))).toBe(true);
    expect(problems.some((p) => p.startsWith("listJobs: the document's statuses"))).toBe(true);
    expect(problems).toContain("document: GET /api/v1/ghost has no route");

    const extraQuery = { ...ROUTES[1], query: ListJobsQuery.extend({ near_misses: z.coerce.boolean().optional() }) };
    const routes = ROUTES.map((r) => (r === ROUTES[1] ? extraQuery : r));
    expect(disagreements(files, routes, doc).some((p) => p.includes("listJobs"))).toBe(true);
  });
});
