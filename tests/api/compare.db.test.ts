import { beforeAll, describe, expect, it } from "vitest";
import { testDb, newOrg, newUser, quiesceQueues } from "@/tests/setup/db";
import { call, expectError, parsed, PROVIDER_BODY } from "@/tests/api/helpers";
import { auth } from "@/lib/auth/auth";
import { newEvalId } from "@/lib/ids";
import { CompareResponse, ListPoolVersionsResponse, PoolDiffResponse } from "@/lib/compare/schemas";
import { ListSavedViewsResponse, SavedView } from "@/lib/saved-views/schemas";
import { claimJobs, completeJob } from "@/lib/worker/queue";
import { evaluateJob } from "@/lib/worker/evaluate-job";
import { submitJob } from "@/lib/jobs/submit";
import { carrier } from "@/tests/engine/fixtures";
import * as compareRoute from "@/app/api/v1/jobs/[evalId]/compare/[otherId]/route";
import * as versionsRoute from "@/app/api/v1/pools/[poolId]/versions/route";
import * as diffRoute from "@/app/api/v1/pools/[poolId]/versions/[from]/diff/[to]/route";
import * as poolsRoute from "@/app/api/v1/pools/route";
import * as jobsRoute from "@/app/api/v1/jobs/route";
import * as jobRoute from "@/app/api/v1/jobs/[evalId]/route";
import { JobResponse } from "@/lib/jobs/schemas";
import * as viewsRoute from "@/app/api/v1/saved-views/route";
import * as viewRoute from "@/app/api/v1/saved-views/[id]/route";
import * as recheckSettingsRoute from "@/app/api/v1/recheck-settings/route";
import { RecheckSettings } from "@/lib/recheck/schemas";

// GET /api/v1/jobs/{a}/compare/{b}, the pool versions and their diff, and saved views: each
// response checked against its published schema, every error in the seed's shape.

const db = testDb();
type Org = Awaited<ReturnType<typeof newOrg>>;
let a: Org;
let b: Org;
const CA = { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12_000_000 };

async function run(o: Org, body: Record<string, unknown>) {
  const id = (await submitJob(db, { organizationId: o.org.id, via: "api_key" }, body, null)).body.eval_id;
  for (;;) {
    const jobs = await claimJobs(db, "compare-api-test", 10, 30_000);
    if (jobs.length === 0) break;
    for (const j of jobs) await completeJob(db, j, "compare-api-test", await evaluateJob(db, j));
  }
  return id;
}

const compare = (o: Org, x: string, y: string) => call(compareRoute.GET, `/api/v1/jobs/${x}/compare/${y}`, { key: o.key, params: { evalId: x, otherId: y } });

beforeAll(async () => {
  await quiesceQueues();
  [a, b] = await Promise.all([newOrg("compare-a"), newOrg("compare-b")]);
});

describe("GET /api/v1/jobs/{a}/compare/{b}", () => {
  let before: string;
  let after: string;
  // An imported pool, so the expected moves do not depend on the demo data: revenue 12M → 18M
  // with an off-target class takes One out of its band, and costs Two an appetite level.
  beforeAll(async () => {
    const pool = [carrier({ id: "k1", name: "One Mutual" }), carrier({ id: "k2", name: "Two Casualty" }, { revenue_max: 20_000_000 })];
    const imported = await call(poolsRoute.POST, "/api/v1/pools?name=cmp&domain=carriers", {
      key: a.key,
      body: JSON.stringify(pool),
      headers: { "content-type": "application/json" },
    });
    const key = (imported.json as { id: string }).id;
    before = await run(a, { profile: CA, pool: key });
    after = await run(a, { profile: { ...CA, revenue: 18_000_000, naics: "722511" }, pool: key });
  });

  it("lists the input change and every moved carrier, with both sides' evidence for level changes", async () => {
    const res = await compare(a, before, after);
    expect(res.status, res.text).toBe(200);
    const cmp = parsed(CompareResponse, res);
    expect(cmp.a.eval_id).toBe(before);
    expect(cmp.inputs).toEqual([
      { field: "profile.revenue", a: 12_000_000, b: 18_000_000 },
      { field: "profile.naics", a: null, b: "722511" },
    ]);
    expect(cmp.candidates.map((c) => [c.name, c.kinds])).toEqual([
      ["One Mutual", ["left", "left_top_tier"]],
      ["Two Casualty", expect.arrayContaining(["levels", "rank"])],
    ]);
    expect(cmp.url).toBe(`http://localhost:3000/jobs/${before}/compare/${after}`);
    const left = cmp.candidates.find((c) => c.kinds.includes("left"))!;
    expect(left.b.status).toBe("filtered");
    expect(left.filter!.b).toMatchObject({ code: (left.b as { filter: string }).filter });
    expect(left.filter!.b!.rule.length).toBeGreaterThan(0);
    const appetite = cmp.candidates[1].levels!.find((l) => l.dimension === "appetite")!;
    expect(appetite.evidence!.a!.evidence).toContain("$12M");
    expect(appetite.evidence!.b!.evidence).toContain("722511");
  });

  it("an evaluation compared with itself has no changes", async () => {
    const cmp = parsed(CompareResponse, await compare(a, before, before));
    expect(cmp.candidates).toEqual([]);
    expect(cmp.summary.material).toBe(false);
  });

  it.each([
    ["another organization's job", () => compare(b, before, after), 404, "not_found"],
    ["an unknown id", () => compare(a, before, newEvalId()), 404, "not_found"],
    ["a malformed id", () => call(compareRoute.GET, "/x", { key: a.key, params: { evalId: "nope", otherId: before } }), 404, "not_found"],
    ["no API key", () => call(compareRoute.GET, "/x", { params: { evalId: before, otherId: after } }), 401, "unauthorized"],
  ])("%s: %i", async (_, res, status, code) => {
    expectError(await res(), status, code);
  });

  it("a job not yet completed is a conflict, evaluations of two domains are a bad request", async () => {
    const queued = (await submitJob(db, { organizationId: a.org.id, via: "api_key" }, { profile: CA, pool: "carriers:all" }, null)).body.eval_id;
    const e = expectError(await compare(a, before, queued), 409, "conflict");
    expect(e.details[0]).toMatchObject({ path: "b", code: "not_completed" });
    await run(a, { profile: CA, pool: "carriers:all" }); // let it finish so the queue is empty again
    const provider = await run(a, PROVIDER_BODY);
    expect(expectError(await compare(a, before, provider), 400, "invalid_request").details[0]).toMatchObject({ path: "b", code: "domain_mismatch" });
  });
});

describe("POST /api/v1/jobs with rerun_of", () => {
  it("links the new job to the one it re-runs; an unknown or another organization's job is a 400", async () => {
    const first = await run(a, { profile: CA, pool: "carriers:all" });
    const res = await call(jobsRoute.POST, "/api/v1/jobs", {
      key: a.key,
      body: { profile: { ...CA, revenue: 30_000_000 }, pool: "carriers:all", rerun_of: first },
    });
    expect(res.status, res.text).toBe(202);
    const id = (res.json as { eval_id: string }).eval_id;
    const job = parsed(JobResponse, await call(jobRoute.GET, `/api/v1/jobs/${id}`, { key: a.key, params: { evalId: id } }));
    expect(job.source).toEqual({ eval_id: first, kind: "rerun" });
    const original = parsed(JobResponse, await call(jobRoute.GET, `/api/v1/jobs/${first}`, { key: a.key, params: { evalId: first } }));
    expect(original.source).toBeNull();
    for (const bad of [newEvalId(), "nope"]) {
      const e = expectError(
        await call(jobsRoute.POST, "/api/v1/jobs", { key: a.key, body: { profile: CA, pool: "carriers:all", rerun_of: bad } }),
        400,
        "invalid_request",
      );
      expect(e.details).toEqual([{ path: "rerun_of", code: "not_found", message: `Unknown evaluation: rerun_of ${bad}` }]);
    }
    expectError(
      await call(jobsRoute.POST, "/api/v1/jobs", { key: b.key, body: { profile: CA, pool: "carriers:all", rerun_of: first } }),
      400,
      "invalid_request",
    );
    await run(a, { profile: CA, pool: "carriers:all" }); // drain
  });
});

describe("pool versions and their diff", () => {
  const v1 = [carrier({ id: "c1", name: "Alder Mutual" }), carrier({ id: "c2", name: "Birch Casualty" })];
  const v2 = [carrier({ id: "c1", name: "Alder Mutual", admitted_states: ["AZ", "NV"] }), carrier({ id: "c3", name: "Cedar Specialty" })];
  let pool: string;
  const importPool = async (candidates: unknown[]) =>
    call(poolsRoute.POST, "/api/v1/pools?name=book&domain=carriers", {
      key: a.key,
      body: JSON.stringify(candidates),
      headers: { "content-type": "application/json" },
    });

  beforeAll(async () => {
    const r1 = await importPool(v1);
    expect(r1.status, r1.text).toBe(201);
    pool = (r1.json as { id: string }).id;
    expect((await importPool(v2)).status).toBe(200);
  });

  it("lists the versions newest first", async () => {
    const list = parsed(ListPoolVersionsResponse, await call(versionsRoute.GET, "/x", { key: a.key, params: { poolId: pool } }));
    expect(list.data.map((v) => [v.version, v.size, v.current, v.source])).toEqual([
      [2, 2, true, "import:json"],
      [1, 2, false, "import:json"],
    ]);
  });

  it("diffs two imported versions in fields and words", async () => {
    const diff = parsed(PoolDiffResponse, await call(diffRoute.GET, "/x", { key: a.key, params: { poolId: pool, from: "1", to: "2" } }));
    expect(diff).toMatchObject({
      pool,
      from: 1,
      to: 2,
      added: [{ id: "c3", name: "Cedar Specialty" }],
      removed: [{ id: "c2", name: "Birch Casualty" }],
      unchanged: 0,
    });
    expect(diff.changed).toEqual([
      {
        id: "c1",
        name: "Alder Mutual",
        changes: [{ path: "admitted_states", a: ["AZ", "CA", "NV", "OR", "WA"], b: ["AZ", "NV"], added: [], removed: ["CA", "OR", "WA"] }],
      },
    ]);
    expect(diff.summary).toContain("1 carrier no longer writes CA professional liability (E&O)");
  });

  it("reads the shared demo pools, not another organization's", async () => {
    expect(
      parsed(ListPoolVersionsResponse, await call(versionsRoute.GET, "/x", { key: b.key, params: { poolId: "carriers:all" } })).data.length,
    ).toBeGreaterThan(0);
    expectError(await call(versionsRoute.GET, "/x", { key: b.key, params: { poolId: pool } }), 404, "not_found");
    expectError(await call(diffRoute.GET, "/x", { key: b.key, params: { poolId: pool, from: "1", to: "2" } }), 404, "not_found");
    expectError(await call(diffRoute.GET, "/x", { key: a.key, params: { poolId: pool, from: "1", to: "9" } }), 404, "not_found");
    expectError(await call(diffRoute.GET, "/x", { key: a.key, params: { poolId: pool, from: "one", to: "2" } }), 404, "not_found");
  });
});

describe("saved views", () => {
  const ORIGIN = "http://localhost:3000";
  let owner: string;
  let colleague: string;
  let stranger: string;
  const cookieFor = async (orgId: string) => {
    const u = await newUser(orgId);
    const res = await auth().api.signInEmail({ body: { email: u.email, password: u.password }, asResponse: true });
    return res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  };
  const as = (cookie: string, method = "GET", body?: unknown) => ({ method, body, headers: { cookie, origin: ORIGIN } });

  beforeAll(async () => {
    [owner, colleague, stranger] = await Promise.all([cookieFor(a.org.id), cookieFor(a.org.id), cookieFor(b.org.id)]);
  });

  it("saves per person, replaces by name, opens for a colleague by id, not for another organization", async () => {
    const first = await call(viewsRoute.POST, "/api/v1/saved-views", as(owner, "POST", { page: "history", name: "Completed", query: "status=completed" }));
    expect(first.status, first.text).toBe(201);
    const view = parsed(SavedView, first);
    expect(view).toMatchObject({ page: "history", name: "Completed", query: "status=completed", mine: true, url: `${ORIGIN}/views/${view.id}` });
    const again = await call(
      viewsRoute.POST,
      "/api/v1/saved-views",
      as(owner, "POST", { page: "history", name: "Completed", query: "status=completed&q=acme" }),
    );
    expect(again.status).toBe(200);
    expect(parsed(SavedView, again)).toMatchObject({ id: view.id, query: "status=completed&q=acme" });

    const mine = parsed(ListSavedViewsResponse, await call(viewsRoute.GET, "/api/v1/saved-views?page=history", as(owner)));
    expect(mine.data.map((v) => v.id)).toEqual([view.id]);
    expect(parsed(ListSavedViewsResponse, await call(viewsRoute.GET, "/api/v1/saved-views?page=history", as(colleague))).data).toEqual([]);

    const opened = parsed(SavedView, await call(viewRoute.GET, "/x", { ...as(colleague), params: { id: view.id } }));
    expect(opened).toMatchObject({ id: view.id, mine: false, query: "status=completed&q=acme" });
    expectError(await call(viewRoute.GET, "/x", { ...as(stranger), params: { id: view.id } }), 404, "not_found");
    expectError(await call(viewRoute.DELETE, "/x", { ...as(colleague, "DELETE"), params: { id: view.id } }), 404, "not_found");
    expect((await call(viewRoute.DELETE, "/x", { ...as(owner, "DELETE"), params: { id: view.id } })).status).toBe(204);
  });

  it("a results view names its evaluation; bad input and API keys are refused", async () => {
    const job = await run(a, { profile: CA, pool: "carriers:all" });
    const res = await call(
      viewsRoute.POST,
      "/api/v1/saved-views",
      as(owner, "POST", { page: "results", name: "Strong", query: "tier=STRONG_FIT", eval_id: job }),
    );
    expect(parsed(SavedView, res)).toMatchObject({ eval_id: job });
    expect(
      expectError(await call(viewsRoute.POST, "/x", as(owner, "POST", { page: "results", name: "x", query: "" })), 400, "invalid_request").details[0].path,
    ).toBe("eval_id");
    expect(
      expectError(await call(viewsRoute.POST, "/x", as(owner, "POST", { page: "results", name: "x", query: "", eval_id: newEvalId() })), 400, "invalid_request")
        .details[0].path,
    ).toBe("eval_id");
    expectError(await call(viewsRoute.POST, "/x", as(owner, "POST", { page: "elsewhere", name: "", query: 3 })), 400, "invalid_request");
    expectError(await call(viewsRoute.GET, "/api/v1/saved-views?page=nope", as(owner)), 400, "invalid_request");
    expectError(await call(viewsRoute.GET, "/api/v1/saved-views?page=history", { key: a.key }), 403, "forbidden");
  });
});

describe("GET/PUT /api/v1/recheck-settings", () => {
  it("defaults to 30 days; 0 turns re-checks off for the organization", async () => {
    const o = await newOrg("recheck-days");
    expect(parsed(RecheckSettings, await call(recheckSettingsRoute.GET, "/api/v1/recheck-settings", { key: o.key }))).toEqual({ days: 30 });
    expect(parsed(RecheckSettings, await call(recheckSettingsRoute.PUT, "/api/v1/recheck-settings", { method: "PUT", key: o.key, body: { days: 0 } }))).toEqual(
      { days: 0 },
    );
    const pool = [carrier({ id: "r1", name: "One Mutual" })];
    const imp = async (c: unknown[]) =>
      call(poolsRoute.POST, "/api/v1/pools?name=off&domain=carriers", { key: o.key, body: JSON.stringify(c), headers: { "content-type": "application/json" } });
    const key = ((await imp(pool)).json as { id: string }).id;
    await run(o, { profile: CA, pool: key });
    await imp([carrier({ id: "r1", name: "One Mutual", admitted_states: ["NV"] })]);
    expect(await db.recheckItem.count({ where: { organizationId: o.org.id } })).toBe(0);
    for (const days of [-1, 366, 1.5, "7"]) {
      expectError(await call(recheckSettingsRoute.PUT, "/x", { method: "PUT", key: o.key, body: { days } }), 400, "invalid_request");
    }
    expectError(await call(recheckSettingsRoute.PUT, "/x", { method: "PUT", key: o.key, body: { days: 3, extra: 1 } }), 400, "invalid_request");
  });
});
