import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { createApiKey } from "@/lib/keys/api-keys";
import { createShareLink } from "@/lib/share/links";
import { newOrg, newUser, testDb } from "@/tests/setup/db";
import { completeJobNow, SEED_BODY } from "@/tests/api/helpers";
import { resetRateLimitsForTests } from "@/lib/api/rate-limit";
import { putPlan } from "@/lib/plan/plan";
import { saveView } from "@/lib/saved-views/views";

// Every route file under app/api (found on disk, not listed by hand) × every method it exports ×
// five callers that must not get more than they should: no credentials, another organization's
// admin session, another organization's API key, an underwriter of the organization, and a key of
// the organization without the route's scope. Ids in paths belong to the organization. Each cell
// is the documented status; a route or method without an entry fails the test.

type Caller = "none" | "otherSession" | "otherKey" | "underwriter" | "noScope";
const CALLERS: Caller[] = ["none", "otherSession", "otherKey", "underwriter", "noScope"];
type Row = Record<Caller, number> | { all: number } | { skip: string };
interface Entry {
  expect: Row;
  body?: unknown;
}

const all = (status: number): Entry => ({ expect: { all: status } });
const by = (none: number, otherSession: number, otherKey: number, underwriter: number, noScope: number, body?: unknown): Entry => ({
  expect: { none, otherSession, otherKey, underwriter, noScope },
  body,
});

// "noScope" holds only rules:read (so it may read scoring rules and re-check settings). GET /saved-views
// needs ?page, so a signed-in caller gets its 400. Write bodies are {} unless given: an authorised caller then gets
// the route's 400, which shows the request got past authentication and authorisation.
const MATRIX: Record<string, Entry> = {
  "GET /api/auth/[...all]": { expect: { skip: "better-auth's own endpoints: tests/api/auth-endpoints.db.test.ts, tests/security/lifecycle.db.test.ts" } },
  "POST /api/auth/[...all]": { expect: { skip: "better-auth's own endpoints: tests/api/auth-endpoints.db.test.ts, tests/security/lifecycle.db.test.ts" } },
  "GET /api/health": all(200),
  "GET /api/ping": all(200),
  "GET /api/traces/[evalId]": by(401, 404, 404, 200, 403),
  "GET /api/v1/[...rest]": all(404),
  "POST /api/v1/[...rest]": all(404),
  "PUT /api/v1/[...rest]": all(404),
  "PATCH /api/v1/[...rest]": all(404),
  "DELETE /api/v1/[...rest]": all(404),
  "HEAD /api/v1/[...rest]": all(404),
  "OPTIONS /api/v1/[...rest]": all(404),
  "GET /api/v1/api-keys": by(401, 200, 403, 403, 403),
  "POST /api/v1/api-keys": by(401, 400, 403, 403, 403),
  "PUT /api/v1/api-keys": all(405),
  "PATCH /api/v1/api-keys": all(405),
  "DELETE /api/v1/api-keys": all(405),
  "DELETE /api/v1/api-keys/[id]": by(401, 404, 403, 403, 403),
  "GET /api/v1/api-keys/[id]": all(405),
  "POST /api/v1/api-keys/[id]": all(405),
  "PUT /api/v1/api-keys/[id]": all(405),
  "PATCH /api/v1/api-keys/[id]": all(405),
  "GET /api/v1/audit-events": by(401, 200, 200, 403, 403),
  "POST /api/v1/audit-events": all(405),
  "PUT /api/v1/audit-events": all(405),
  "PATCH /api/v1/audit-events": all(405),
  "DELETE /api/v1/audit-events": all(405),
  "GET /api/v1/batches": by(401, 200, 200, 200, 403),
  "POST /api/v1/batches": by(401, 400, 400, 400, 403),
  "PUT /api/v1/batches": all(405),
  "PATCH /api/v1/batches": all(405),
  "DELETE /api/v1/batches": all(405),
  "GET /api/v1/batches/[batch_id]": by(401, 404, 404, 200, 403),
  "POST /api/v1/batches/[batch_id]": all(405),
  "PUT /api/v1/batches/[batch_id]": all(405),
  "PATCH /api/v1/batches/[batch_id]": all(405),
  "DELETE /api/v1/batches/[batch_id]": all(405),
  "GET /api/v1/batches/[batch_id]/results": by(401, 404, 404, 200, 403),
  "POST /api/v1/batches/[batch_id]/results": all(405),
  "PUT /api/v1/batches/[batch_id]/results": all(405),
  "PATCH /api/v1/batches/[batch_id]/results": all(405),
  "DELETE /api/v1/batches/[batch_id]/results": all(405),
  "GET /api/v1/jobs/[evalId]/compare/[otherId]": by(401, 404, 404, 200, 403),
  "POST /api/v1/jobs/[evalId]/compare/[otherId]": all(405),
  "PUT /api/v1/jobs/[evalId]/compare/[otherId]": all(405),
  "PATCH /api/v1/jobs/[evalId]/compare/[otherId]": all(405),
  "DELETE /api/v1/jobs/[evalId]/compare/[otherId]": all(405),
  "GET /api/v1/jobs/[evalId]/plan": by(401, 404, 404, 200, 403),
  "PUT /api/v1/jobs/[evalId]/plan": by(401, 404, 404, 200, 403, { entries: [{ carrier_id: "@planned" }] }),
  "POST /api/v1/jobs/[evalId]/plan": all(405),
  "PATCH /api/v1/jobs/[evalId]/plan": all(405),
  "DELETE /api/v1/jobs/[evalId]/plan": all(405),
  "POST /api/v1/jobs/[evalId]/plan/[carrierId]/events": by(401, 404, 404, 201, 403, { status: "submitted" }),
  "GET /api/v1/jobs/[evalId]/plan/[carrierId]/events": all(405),
  "PUT /api/v1/jobs/[evalId]/plan/[carrierId]/events": all(405),
  "PATCH /api/v1/jobs/[evalId]/plan/[carrierId]/events": all(405),
  "DELETE /api/v1/jobs/[evalId]/plan/[carrierId]/events": all(405),
  "GET /api/v1/jobs/[evalId]/plan/summary": by(401, 404, 404, 200, 403),
  "POST /api/v1/jobs/[evalId]/plan/summary": all(405),
  "PUT /api/v1/jobs/[evalId]/plan/summary": all(405),
  "PATCH /api/v1/jobs/[evalId]/plan/summary": all(405),
  "DELETE /api/v1/jobs/[evalId]/plan/summary": all(405),
  // A shared pool: each organization counts its own evaluations on it.
  "GET /api/v1/markets/stats": by(401, 200, 200, 200, 403),
  "POST /api/v1/markets/stats": all(405),
  "PUT /api/v1/markets/stats": all(405),
  "PATCH /api/v1/markets/stats": all(405),
  "DELETE /api/v1/markets/stats": all(405),
  "GET /api/v1/pools/[poolId]/stale-carriers": by(401, 200, 200, 200, 403),
  "POST /api/v1/pools/[poolId]/stale-carriers": all(405),
  "PUT /api/v1/pools/[poolId]/stale-carriers": all(405),
  "PATCH /api/v1/pools/[poolId]/stale-carriers": all(405),
  "DELETE /api/v1/pools/[poolId]/stale-carriers": all(405),
  "GET /api/v1/pools/[poolId]/versions": by(401, 200, 200, 200, 403),
  "POST /api/v1/pools/[poolId]/versions": all(405),
  "PUT /api/v1/pools/[poolId]/versions": all(405),
  "PATCH /api/v1/pools/[poolId]/versions": all(405),
  "DELETE /api/v1/pools/[poolId]/versions": all(405),
  "GET /api/v1/pools/[poolId]/versions/[from]/diff/[to]": by(401, 200, 200, 200, 403),
  "POST /api/v1/pools/[poolId]/versions/[from]/diff/[to]": all(405),
  "PUT /api/v1/pools/[poolId]/versions/[from]/diff/[to]": all(405),
  "PATCH /api/v1/pools/[poolId]/versions/[from]/diff/[to]": all(405),
  "DELETE /api/v1/pools/[poolId]/versions/[from]/diff/[to]": all(405),
  "GET /api/v1/recheck-settings": by(401, 200, 200, 200, 200),
  "PUT /api/v1/recheck-settings": by(401, 400, 400, 403, 403),
  "POST /api/v1/recheck-settings": all(405),
  "PATCH /api/v1/recheck-settings": all(405),
  "DELETE /api/v1/recheck-settings": all(405),
  "GET /api/v1/saved-views": by(401, 400, 403, 400, 403),
  "POST /api/v1/saved-views": by(401, 400, 403, 400, 403),
  "PUT /api/v1/saved-views": all(405),
  "PATCH /api/v1/saved-views": all(405),
  "DELETE /api/v1/saved-views": all(405),
  "GET /api/v1/saved-views/[id]": by(401, 404, 403, 200, 403),
  "DELETE /api/v1/saved-views/[id]": by(401, 404, 403, 204, 403),
  "POST /api/v1/saved-views/[id]": all(405),
  "PUT /api/v1/saved-views/[id]": all(405),
  "PATCH /api/v1/saved-views/[id]": all(405),
  "GET /api/v1/jobs": by(401, 200, 200, 200, 403),
  "POST /api/v1/jobs": by(401, 400, 400, 400, 403),
  "PUT /api/v1/jobs": all(405),
  "PATCH /api/v1/jobs": all(405),
  "DELETE /api/v1/jobs": all(405),
  "GET /api/v1/jobs/[evalId]": by(401, 404, 404, 200, 403),
  "POST /api/v1/jobs/[evalId]": all(405),
  "PUT /api/v1/jobs/[evalId]": all(405),
  "PATCH /api/v1/jobs/[evalId]": all(405),
  "DELETE /api/v1/jobs/[evalId]": all(405),
  "GET /api/v1/jobs/[evalId]/deliveries": by(401, 404, 404, 200, 403),
  "POST /api/v1/jobs/[evalId]/deliveries": by(401, 404, 404, 202, 403),
  "PUT /api/v1/jobs/[evalId]/deliveries": all(405),
  "PATCH /api/v1/jobs/[evalId]/deliveries": all(405),
  "DELETE /api/v1/jobs/[evalId]/deliveries": all(405),
  "GET /api/v1/jobs/[evalId]/share-links": by(401, 404, 404, 200, 403),
  "POST /api/v1/jobs/[evalId]/share-links": by(401, 404, 404, 201, 403),
  "PUT /api/v1/jobs/[evalId]/share-links": all(405),
  "PATCH /api/v1/jobs/[evalId]/share-links": all(405),
  "DELETE /api/v1/jobs/[evalId]/share-links": all(405),
  "GET /api/v1/members": by(401, 200, 403, 403, 403),
  "POST /api/v1/members": by(401, 400, 403, 403, 403),
  "PUT /api/v1/members": all(405),
  "PATCH /api/v1/members": all(405),
  "DELETE /api/v1/members": all(405),
  "PATCH /api/v1/members/[id]": by(401, 404, 403, 403, 403, { role: "admin" }),
  "DELETE /api/v1/members/[id]": by(401, 404, 403, 403, 403),
  "GET /api/v1/members/[id]": all(405),
  "POST /api/v1/members/[id]": all(405),
  "PUT /api/v1/members/[id]": all(405),
  "GET /api/v1/openapi.json": all(200),
  "GET /api/v1/pools": by(401, 200, 200, 200, 403),
  "POST /api/v1/pools": by(401, 400, 400, 403, 403),
  "PUT /api/v1/pools": all(405),
  "PATCH /api/v1/pools": all(405),
  "DELETE /api/v1/pools": all(405),
  "GET /api/v1/scoring-rules/[domain]": by(401, 200, 200, 200, 200),
  "PUT /api/v1/scoring-rules/[domain]": by(401, 400, 400, 403, 403),
  "POST /api/v1/scoring-rules/[domain]": all(405),
  "PATCH /api/v1/scoring-rules/[domain]": all(405),
  "DELETE /api/v1/scoring-rules/[domain]": all(405),
  "DELETE /api/v1/share-links/[id]": by(401, 404, 404, 204, 403),
  "GET /api/v1/share-links/[id]": all(405),
  "POST /api/v1/share-links/[id]": all(405),
  "PUT /api/v1/share-links/[id]": all(405),
  "PATCH /api/v1/share-links/[id]": all(405),
  "GET /api/v1/webhook-deliveries": by(401, 200, 200, 403, 403),
  "POST /api/v1/webhook-deliveries": all(405),
  "PUT /api/v1/webhook-deliveries": all(405),
  "PATCH /api/v1/webhook-deliveries": all(405),
  "DELETE /api/v1/webhook-deliveries": all(405),
  "POST /api/v1/webhook-deliveries/test": by(401, 400, 400, 403, 403),
  "GET /api/v1/webhook-deliveries/test": all(405),
  "PUT /api/v1/webhook-deliveries/test": all(405),
  "PATCH /api/v1/webhook-deliveries/test": all(405),
  "DELETE /api/v1/webhook-deliveries/test": all(405),
  "GET /api/v1/webhook-secret": by(401, 200, 403, 403, 403),
  "POST /api/v1/webhook-secret": by(401, 200, 403, 403, 403),
  "PUT /api/v1/webhook-secret": all(405),
  "PATCH /api/v1/webhook-secret": all(405),
  "DELETE /api/v1/webhook-secret": all(405),
};

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const ROOT = path.join(process.cwd(), "app", "api");

function routeFiles(dir = ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? routeFiles(p) : d.name === "route.ts" ? [p] : [];
  });
}
const routeOf = (file: string) => `/${path.relative(path.join(process.cwd(), "app"), path.dirname(file)).split(path.sep).join("/")}`;

async function discovered() {
  const out: { key: string; route: string; method: string; handler: (req: Request, ctx: unknown) => Promise<Response> }[] = [];
  for (const file of routeFiles()) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const m of METHODS)
      if (typeof mod[m] === "function") out.push({ key: `${m} ${routeOf(file)}`, route: routeOf(file), method: m, handler: mod[m] as never });
  }
  return out;
}

const ORIGIN = "http://localhost:3000";
let creds: Record<Caller, Record<string, string>>;
let params: Record<string, string>;

async function cookieOf(email: string, password: string) {
  const res = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

beforeAll(async () => {
  const db = testDb();
  const a = await newOrg("matrix");
  const b = await newOrg("matrix-other");
  const underwriter = await newUser(a.org.id, "underwriter");
  const bAdmin = await newUser(b.org.id, "admin");
  const noScope = await createApiKey(db, a.org.id, { name: "no scope", scopes: ["rules:read"] });
  const victimKey = await createApiKey(db, a.org.id, { name: "victim" });
  const submitted = await fetchJson((await import("@/app/api/v1/jobs/route")).POST, "POST", "/api/v1/jobs", { "x-api-key": a.key }, SEED_BODY);
  const evalId = (submitted as { eval_id: string }).eval_id;
  await completeJobNow(evalId);
  const link = await createShareLink(db, a.org.id, evalId, { expiresInDays: 7 });
  const member = await db.member.findFirstOrThrow({ where: { userId: underwriter.user.id } });
  // A batch of one row, a carrier from the result in the plan, a saved view of the underwriter's.
  const { POST: postBatch } = await import("@/app/api/v1/batches/route");
  const batchReq = new Request(`${ORIGIN}/api/v1/batches?pool=carriers:all`, {
    method: "POST",
    headers: { "x-api-key": a.key, "content-type": "text/csv" },
    body: "entity,state,line,revenue\nacme-matrix,CA,professional_liability,12000000\n",
  });
  const batch = (await (await (postBatch as unknown as (r: Request, c: unknown) => Promise<Response>)(batchReq, { params: Promise.resolve({}) })).json()) as {
    batch_id: string;
  };
  const job = (await fetchJson((await import("@/app/api/v1/jobs/[evalId]/route")).GET, "GET", `/api/v1/jobs/${evalId}`, { "x-api-key": a.key }, undefined, {
    evalId,
  })) as { candidates: { id: string }[] };
  const [planned, evented] = job.candidates.map((c) => c.id);
  await putPlan(db, { organizationId: a.org.id, userId: underwriter.user.id }, evalId, { entries: [{ carrier_id: planned }, { carrier_id: evented }] });
  const view = await saveView(db, a.org.id, underwriter.user.id, { page: "history", name: "matrix", query: "status=completed" } as never);
  MATRIX["PUT /api/v1/jobs/[evalId]/plan"].body = { entries: [{ carrier_id: planned }, { carrier_id: evented }] };
  params = {
    evalId,
    otherId: evalId,
    batch_id: batch.batch_id,
    carrierId: evented,
    poolId: "carriers:all",
    from: "1",
    to: "1",
    "saved-views/[id]": (view as { view?: { id: string } }).view?.id ?? (view as unknown as { id: string }).id,
    "api-keys/[id]": victimKey.id,
    "members/[id]": member.id,
    "share-links/[id]": link.id,
    domain: "carriers",
    rest: "no-such-thing",
    all: "get-session",
  };
  creds = {
    none: {},
    otherSession: { cookie: await cookieOf(bAdmin.email, bAdmin.password), origin: ORIGIN },
    otherKey: { "x-api-key": b.key },
    underwriter: { cookie: await cookieOf(underwriter.email, underwriter.password), origin: ORIGIN },
    noScope: { "x-api-key": noScope.key },
  };
}, 120_000);

async function fetchJson(
  handler: unknown,
  method: string,
  urlPath: string,
  headers: Record<string, string>,
  body?: unknown,
  ctxParams: Record<string, unknown> = {},
) {
  const res = await call(handler, method, urlPath, headers, body, ctxParams);
  return res.json();
}

function call(
  handler: unknown,
  method: string,
  urlPath: string,
  headers: Record<string, string>,
  body?: unknown,
  ctxParams: Record<string, unknown> = {},
): Promise<Response> {
  const h = { ...headers, ...(body !== undefined ? { "content-type": "application/json" } : {}) };
  const req = new Request(ORIGIN + urlPath, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  return (handler as (r: Request, c: unknown) => Promise<Response>)(req, { params: Promise.resolve(ctxParams) });
}

/** The route with its dynamic segments filled with the organization's ids, and the params object. */
function concrete(route: string) {
  const ctx: Record<string, unknown> = {};
  const urlPath = route.replace(/\[(\.\.\.)?(\w+)\]/g, (_m, rest, name: string) => {
    const value = params[`${route.split("/").at(-2)}/[${name}]`] ?? params[name];
    ctx[name] = rest ? [value] : value;
    return value;
  });
  return { urlPath, ctx };
}

describe("route × credentials matrix", () => {
  it("has an entry for every route and method on disk, and none for what is gone", async () => {
    const found = (await discovered()).map((d) => d.key).sort();
    expect(
      found.filter((k) => !(k in MATRIX)),
      "routes/methods without a matrix entry",
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((k) => !found.includes(k)),
      "matrix entries for routes/methods that do not exist",
    ).toEqual([]);
  });

  it("answers each caller with the documented status", async () => {
    const mismatches: string[] = [];
    for (const d of await discovered()) {
      const entry = MATRIX[d.key];
      if (!entry || "skip" in entry.expect) continue;
      const write = ["POST", "PUT", "PATCH"].includes(d.method);
      for (const caller of CALLERS) {
        resetRateLimitsForTests();
        const want = "all" in entry.expect ? entry.expect.all : entry.expect[caller];
        const { urlPath, ctx } = concrete(d.route);
        const res = await call(d.handler, d.method, urlPath, creds[caller], write ? (entry.body ?? {}) : undefined, ctx);
        if (res.status !== want)
          mismatches.push(`${d.key} as ${caller}: ${res.status}, expected ${want} ${res.status >= 400 ? (await res.text()).slice(0, 120) : ""}`);
        else if (res.status >= 400 && d.route.startsWith("/api/v1")) {
          const body = await res.json();
          if (typeof body?.error?.code !== "string" || !Array.isArray(body.error.details))
            mismatches.push(`${d.key} as ${caller}: ${res.status} not in the error shape`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000);
});
