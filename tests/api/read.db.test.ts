import { beforeAll, describe, expect, it } from "vitest";
import { POST, GET as LIST } from "@/app/api/v1/jobs/route";
import { GET as GET_JOB } from "@/app/api/v1/jobs/[evalId]/route";
import { GET as POOLS } from "@/app/api/v1/pools/route";
import { CreateJobResponse, JobResponse, ListJobsResponse, ListPoolsResponse } from "@/lib/jobs/schemas";
import { testDb, newOrg } from "@/tests/setup/db";
import { call, expectError, parsed, SEED_BODY, PROVIDER_BODY } from "@/tests/api/helpers";

// Reading: one job, the paginated and filtered list, and the pools.

type Org = Awaited<ReturnType<typeof newOrg>>;

async function submit(o: Org, body: unknown = SEED_BODY) {
  return parsed(CreateJobResponse, await call(POST, "/api/v1/jobs", { key: o.key, body })).eval_id;
}
const getJob = (o: Org, evalId: string) => call(GET_JOB, `/api/v1/jobs/${evalId}`, { key: o.key, params: { evalId } });
const list = (o: Org, query = "") => call(LIST, `/api/v1/jobs${query}`, { key: o.key });

describe("GET /api/v1/jobs/{eval_id}", () => {
  let org: Org;
  beforeAll(async () => {
    org = await newOrg("getjob");
  });

  it("a queued job: status, profile, pool, pool_version and timestamps", async () => {
    const before = Date.now();
    const id = await submit(org);
    const after = Date.now();
    const res = await getJob(org, id);
    expect(res.status, res.text).toBe(200);
    const job = parsed(JobResponse, res);
    expect(job).toMatchObject({
      eval_id: id,
      status: "queued",
      pool: "carriers:all",
      profile: SEED_BODY.profile,
      webhook_url: SEED_BODY.webhook_url,
      started_at: null,
      completed_at: null,
    });
    expect(job.pool_version).toBeGreaterThanOrEqual(1);
    // created while it was submitted (the database's clock is this machine's; ms precision)
    expect(Date.parse(job.created_at)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(job.created_at)).toBeLessThanOrEqual(after + 1);
    expect(job.created_at).toBe(new Date(job.created_at).toISOString());
    // not finished: no result fields yet
    for (const k of ["candidates", "pool_size", "filtered", "error"]) expect(job).not.toHaveProperty(k);
  });

  it("a failed job carries error {code, message} and its audit link, as its webhook does", async () => {
    const id = await submit(org);
    await testDb().job.update({
      where: { id },
      data: { status: "failed", errorCode: "evaluation_failed", errorMessage: "Pool data unavailable", completedAt: new Date() },
    });
    const job = parsed(JobResponse, await getJob(org, id));
    expect(job.status).toBe("failed");
    expect(job.error).toEqual({ code: "evaluation_failed", message: "Pool data unavailable" });
    expect(job.audit).toMatch(new RegExp(`/traces/${id}$`));
  });

  it.each([
    ["an unknown id", "eval_0000000000000000"],
    ["a malformed id", "eval_!!"],
    ["not an eval id", "job_123"],
    ["SQL in the id", "eval_1' OR '1'='1"],
    ["a very long id", `eval_${"a".repeat(500)}`],
  ])("%s → 404 not_found", async (_label, evalId) => {
    expectError(await getJob(org, evalId), 404, "not_found");
  });

  it("without a key → 401", async () => {
    const id = await submit(org);
    expectError(await call(GET_JOB, `/api/v1/jobs/${id}`, { params: { evalId: id } }), 401, "unauthorized");
  });
});

describe("GET /api/v1/jobs", () => {
  let org: Org;
  const ids: string[] = []; // in submission order
  beforeAll(async () => {
    org = await newOrg("list");
    for (let i = 0; i < 25; i++) {
      const body = i % 5 === 0 ? PROVIDER_BODY : i % 5 === 1 ? { ...SEED_BODY, pool: "carriers:tier1" } : SEED_BODY;
      ids.push(await submit(org, body));
      // distinct created_at milliseconds, so "newest first" has one right answer
      await new Promise((r) => setTimeout(r, 3));
    }
  });

  it("newest first, limit 10 by default, has_more", async () => {
    const res = await list(org);
    expect(res.status, res.text).toBe(200);
    const page = parsed(ListJobsResponse, res);
    expect(page.data.map((j) => j.eval_id)).toEqual(ids.slice().reverse().slice(0, 10));
    expect(page.has_more).toBe(true);
    const first = page.data[0];
    expect(first).toMatchObject({ status: "queued", pool: "carriers:all", entity: "acme-manufacturing", pool_size: null, filtered: null });
    const times = page.data.map((j) => Date.parse(j.created_at));
    expect(times).toEqual(times.slice().sort((a, b) => b - a));
  });

  it.each([1, 7, 100])("starting_after walks every page with limit %i, without duplicates or gaps", async (limit) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = parsed(ListJobsResponse, await list(org, `?limit=${limit}${cursor ? `&starting_after=${cursor}` : ""}`));
      expect(page.data.length).toBeLessThanOrEqual(limit);
      seen.push(...page.data.map((j) => j.eval_id));
      if (!page.has_more) break;
      expect(page.data.length).toBe(limit);
      cursor = page.data.at(-1)!.eval_id;
    }
    expect(seen).toEqual(ids.slice().reverse());
  });

  it("the last page says has_more: false", async () => {
    const page = parsed(ListJobsResponse, await list(org, "?limit=25"));
    expect(page.data).toHaveLength(25);
    expect(page.has_more).toBe(false);
  });

  it("filters by pool", async () => {
    const page = parsed(ListJobsResponse, await list(org, `?pool=${encodeURIComponent("providers:network")}&limit=100`));
    expect(page.data.map((j) => j.eval_id)).toEqual(ids.filter((_, i) => i % 5 === 0).reverse());
    expect(page.data.every((j) => j.pool === "providers:network" && j.entity === "member-4821")).toBe(true);
  });

  it("filters by status, and pages through a filter", async () => {
    const failed = [ids[3], ids[6], ids[11], ids[17]]; // 6 and 11 are carriers:tier1 jobs
    await testDb().job.updateMany({ where: { id: { in: failed } }, data: { status: "failed", errorCode: "evaluation_failed", errorMessage: "boom" } });
    const p1 = parsed(ListJobsResponse, await list(org, "?status=failed&limit=3"));
    expect(p1.data.map((j) => j.eval_id)).toEqual(failed.slice().reverse().slice(0, 3));
    expect(p1.has_more).toBe(true);
    expect(p1.data[0].error).toEqual({ code: "evaluation_failed", message: "boom" });
    const p2 = parsed(ListJobsResponse, await list(org, `?status=failed&limit=3&starting_after=${p1.data[2].eval_id}`));
    expect(p2.data.map((j) => j.eval_id)).toEqual([failed[0]]);
    expect(p2.has_more).toBe(false);
    const queued = parsed(ListJobsResponse, await list(org, "?status=queued&limit=100"));
    expect(queued.data).toHaveLength(ids.length - failed.length);
    expect(parsed(ListJobsResponse, await list(org, "?status=completed")).data).toEqual([]);
    const both = parsed(ListJobsResponse, await list(org, `?status=failed&pool=${encodeURIComponent("carriers:tier1")}`));
    expect(both.data.map((j) => j.eval_id)).toEqual([ids[11], ids[6]]);
  });

  it("a new organization has an empty list", async () => {
    const fresh = await newOrg("empty");
    expect(parsed(ListJobsResponse, await list(fresh))).toEqual({ data: [], has_more: false });
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=-1", "limit"],
    ["limit=1.5", "limit"],
    ["limit=ten", "limit"],
    ["limit=", "limit"],
    ["status=done", "status"],
    ["starting_after=eval_0000000000000000", "starting_after"],
    ["sort=asc", ""],
    ["created_gte=yesterday", "created_gte"],
    ["q=%00", "q"],
    ["pool=carriers%00", "pool"],
    ["starting_after=eval_%00", "starting_after"],
  ])("?%s → 400 invalid_request naming %s", async (query, path) => {
    const err = expectError(await list(org, `?${query}`), 400, "invalid_request");
    expect(err.details.map((d) => d.path)).toContain(path);
  });

  it("limit 1 and 100 are allowed", async () => {
    expect(parsed(ListJobsResponse, await list(org, "?limit=1")).data).toHaveLength(1);
    expect(parsed(ListJobsResponse, await list(org, "?limit=100")).data).toHaveLength(25);
  });
});

describe("GET /api/v1/pools", () => {
  it("lists the demo pools with domain, size and version", async () => {
    const org = await newOrg("pools");
    const res = await call(POOLS, "/api/v1/pools", { key: org.key });
    expect(res.status, res.text).toBe(200);
    const { data } = parsed(ListPoolsResponse, res);
    const byId = Object.fromEntries(data.map((p) => [p.id, p]));
    expect(Object.keys(byId)).toEqual(expect.arrayContaining(["carriers:all", "carriers:tier1", "providers:network"]));
    expect(byId["carriers:all"].domain).toBe("carriers");
    expect(byId["carriers:tier1"].domain).toBe("carriers");
    expect(byId["providers:network"].domain).toBe("providers");
    // the seed's pool_size for carriers:all is 1,847
    expect(byId["carriers:all"].size).toBeGreaterThanOrEqual(1800);
    expect(byId["carriers:all"].size).toBeLessThanOrEqual(1900);
    expect(byId["carriers:tier1"].size).toBeGreaterThan(0);
    expect(byId["carriers:tier1"].size).toBeLessThan(byId["carriers:all"].size);
    expect(byId["providers:network"].size).toBeGreaterThan(0);
    for (const p of data) {
      expect(p.version).toBeGreaterThanOrEqual(1);
      expect(p.name.length).toBeGreaterThan(0);
    }
  });

  it("without a key → 401", async () => {
    expectError(await call(POOLS, "/api/v1/pools"), 401, "unauthorized");
  });
});
