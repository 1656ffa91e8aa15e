import { beforeAll, describe, expect, it } from "vitest";
import { newOrg, newUser, testDb } from "@/tests/setup/db";
import { BASE, call, expectError, parsed } from "@/tests/api/helpers";
import { auth } from "@/lib/auth/auth";
import { ScoringRulesResponse } from "@/lib/rules/schemas";
import { CARRIER_RULES } from "@/lib/engine/domains/carriers/rules";
import { PROVIDER_RULES } from "@/lib/engine/domains/providers/rules";
import * as route from "@/app/api/v1/scoring-rules/[domain]/route";
import { openApiDocument } from "@/lib/api/openapi";

// GET/PUT /api/v1/scoring-rules/{domain}: versions, no-op saves, resets, validation with paths,
// who may write, and one organization's rules never showing in another's. Each test that counts
// versions has organizations of its own, so any test runs alone or in any order.

type Org = Awaited<ReturnType<typeof newOrg>>;
let a: Org; // for the tests that store nothing

beforeAll(async () => {
  a = await newOrg("rules-a");
});

const get = (key: string, domain = "carriers") => call(route.GET, `/api/v1/scoring-rules/${domain}`, { key, params: { domain } });
const put = (key: string | null, body: unknown, domain = "carriers", headers: Record<string, string> = {}) =>
  call(route.PUT, `/api/v1/scoring-rules/${domain}`, { method: "PUT", key, body, params: { domain }, headers });

async function cookieFor(orgId: string, role: "admin" | "underwriter") {
  const { email, password } = await newUser(orgId, role);
  const res = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  return {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
    origin: BASE,
  };
}

describe("scoring rules", () => {
  it("starts at version 0: the defaults, nothing overridden", async () => {
    const a = await newOrg("rules-new");
    const r = parsed(ScoringRulesResponse, await get(a.key, "providers"));
    expect(r).toMatchObject({ domain: "providers", version: 0, overrides: {}, updated_at: null });
    expect(r.effective).toEqual(PROVIDER_RULES);
    expect(r.defaults).toEqual(PROVIDER_RULES);
  });

  it("saves versions 1, 2, … storing only what differs, and a restated save adds none", async () => {
    const a = await newOrg("rules-versions");
    const v1 = parsed(ScoringRulesResponse, await put(a.key, { overrides: { weights: { appetite: 50, coverage: 15 }, tier: { strong_min_score: 80 } } }));
    expect(v1).toMatchObject({ version: 1, new_version: true, overrides: { weights: { appetite: 50 }, tier: { strong_min_score: 80 } } });
    expect((v1.effective as unknown as typeof CARRIER_RULES).weights).toEqual({ ...CARRIER_RULES.weights, appetite: 50 });
    expect(v1.updated_at).not.toBeNull();

    const same = await put(a.key, { overrides: { weights: { appetite: 50 }, tier: { strong_min_score: 80 } } });
    expect(same.status).toBe(200);
    expect(parsed(ScoringRulesResponse, same)).toMatchObject({ version: 1, new_version: false });

    const v2 = parsed(ScoringRulesResponse, await put(a.key, { overrides: { weights: { appetite: 40 } } }));
    expect(v2).toMatchObject({ version: 2, new_version: true, overrides: { weights: { appetite: 40 } } });
    expect(parsed(ScoringRulesResponse, await get(a.key))).toMatchObject({ version: 2, overrides: { weights: { appetite: 40 } } });

    const rows = await testDb().scoringRuleSet.findMany({ where: { organizationId: a.org.id, domain: "carriers" }, orderBy: { version: "asc" } });
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(rows[0].overrides).toEqual({ weights: { appetite: 50 }, tier: { strong_min_score: 80 } });
    expect(rows[1].createdBy).toBe(a.keyId);
  });

  it("resets to the defaults as a new version", async () => {
    const a = await newOrg("rules-reset");
    expect(parsed(ScoringRulesResponse, await put(a.key, { overrides: { weights: { appetite: 40 } } })).version).toBe(1);
    const r = parsed(ScoringRulesResponse, await put(a.key, { overrides: {} }));
    expect(r).toMatchObject({ version: 2, new_version: true, overrides: {} });
    expect(r.effective).toEqual(CARRIER_RULES);
    expect(parsed(ScoringRulesResponse, await put(a.key, { overrides: {} }))).toMatchObject({ version: 2, new_version: false });
  });

  it.each([
    ["a negative weight", { overrides: { weights: { appetite: -5 } } }, "overrides.weights.appetite"],
    ["all weights zero", { overrides: { weights: { appetite: 0, coverage: 0, financial: 0, pricing: 0, placement: 0, service: 0 } } }, "overrides.weights"],
    ["moderate above strong", { overrides: { tier: { moderate_min_score: 90 } } }, "overrides.tier.moderate_min_score"],
    ["an unknown rule", { overrides: { weights: { speed: 3 } } }, "overrides.weights.speed"],
    ["a wrong type", { overrides: { confidence: { low_after_days: "365" } } }, "overrides.confidence.low_after_days"],
    ["overrides not an object", { overrides: [1] }, "overrides"],
    ["overrides missing", {}, "overrides"],
    ["an unknown field", { overrides: {}, version: 3 }, ""],
  ])("refuses %s with 400 and the path", async (_name, body, path) => {
    const before = await testDb().scoringRuleSet.count({ where: { organizationId: a.org.id } });
    const err = expectError(await put(a.key, body), 400, "invalid_request");
    expect(err.details.map((d) => d.path)).toContain(path);
    expect(await testDb().scoringRuleSet.count({ where: { organizationId: a.org.id } })).toBe(before);
  });

  it("answers 404 for an unknown domain, to readers and writers", async () => {
    expectError(await get(a.key, "boats"), 404, "not_found");
    expectError(await put(a.key, { overrides: {} }, "boats"), 404, "not_found");
  });

  it("lets every member read but only admins (and API keys) write", async () => {
    const a = await newOrg("rules-roles");
    expect(parsed(ScoringRulesResponse, await put(a.key, { overrides: { weights: { appetite: 40 } } })).version).toBe(1);
    const underwriter = await cookieFor(a.org.id, "underwriter");
    const read = await call(route.GET, "/api/v1/scoring-rules/carriers", { headers: underwriter, params: { domain: "carriers" } });
    expect(parsed(ScoringRulesResponse, read)).toMatchObject({ version: 1, overrides: { weights: { appetite: 40 } } });
    expectError(await put(null, { overrides: { weights: { appetite: 10 } } }, "carriers", underwriter), 403, "forbidden");

    const admin = await cookieFor(a.org.id, "admin");
    const saved = parsed(ScoringRulesResponse, await put(null, { overrides: { weights: { appetite: 10 } } }, "carriers", admin));
    expect(saved.version).toBe(2);
    const row = await testDb().scoringRuleSet.findFirstOrThrow({ where: { organizationId: a.org.id, domain: "carriers", version: 2 } });
    expect(row.createdBy).not.toBeNull();
    expect(row.createdBy).not.toBe(a.keyId);
  });

  it("keeps organizations apart", async () => {
    const [a, b] = [await newOrg("rules-apart-a"), await newOrg("rules-apart-b")];
    expect(parsed(ScoringRulesResponse, await put(a.key, { overrides: { weights: { appetite: 10 } } })).version).toBe(1);
    expect(parsed(ScoringRulesResponse, await get(b.key))).toMatchObject({ version: 0, overrides: {} });
    const vb = parsed(ScoringRulesResponse, await put(b.key, { overrides: { weights: { service: 30 } } }));
    expect(vb.version).toBe(1);
    expect(parsed(ScoringRulesResponse, await get(a.key))).toMatchObject({ version: 1, overrides: { weights: { appetite: 10 } } });
    expect(parsed(ScoringRulesResponse, await get(b.key))).toMatchObject({ version: 1, overrides: { weights: { service: 30 } } });
  });

  it("answers 409, never 500, when two saves race for the same version", async () => {
    const c = await newOrg("rules-race");
    const results = await Promise.all([11, 20, 30].map((w) => put(c.key, { overrides: { weights: { service: w } } })));
    for (const r of results) expect([200, 409], r.text).toContain(r.status);
    const conflicts = results.filter((r) => r.status === 409);
    for (const r of conflicts) expectError(r, 409, "conflict");
    const rows = await testDb().scoringRuleSet.findMany({ where: { organizationId: c.org.id }, orderBy: { version: "asc" } });
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: 3 - conflicts.length }, (_, i) => i + 1));
  });

  it("is unauthorized without credentials", async () => {
    expectError(await call(route.GET, "/api/v1/scoring-rules/carriers", { params: { domain: "carriers" } }), 401, "unauthorized");
  });

  it("is in the OpenAPI document, with its request and response schemas", () => {
    const doc = openApiDocument("http://localhost") as unknown as {
      paths: Record<string, Record<string, { operationId: string }>>;
      components: { schemas: Record<string, unknown> };
    };
    const ops = doc.paths["/api/v1/scoring-rules/{domain}"];
    expect([ops.get.operationId, ops.put.operationId]).toEqual(["getScoringRules", "putScoringRules"]);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["ScoringRules", "PutScoringRulesBody"]));
  });
});
