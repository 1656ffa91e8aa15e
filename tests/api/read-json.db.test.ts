import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { GET as GET_JOB } from "@/app/api/v1/jobs/[evalId]/route";
import { CreateJobResponse } from "@/lib/jobs/schemas";
import { getJob, getJobJson } from "@/lib/jobs/read";
import { testDb, newOrg } from "@/tests/setup/db";
import { call, completeJobNow, parsed, SEED_BODY } from "@/tests/api/helpers";

// GET /api/v1/jobs/{eval_id} writes a completed job's answer without parsing the stored result
// (lib/jobs/read.ts getJobJson): it must be, byte for byte, what serialising getJob gives.

type Org = Awaited<ReturnType<typeof newOrg>>;
const db = testDb();
let org: Org;
beforeAll(async () => {
  org = await newOrg("readjson");
});

const submit = async (body: unknown = SEED_BODY) => parsed(CreateJobResponse, await call(POST, "/api/v1/jobs", { key: org.key, body })).eval_id;
const get = (id: string, opts: { query?: string; headers?: Record<string, string> } = {}) =>
  call(GET_JOB, `/api/v1/jobs/${id}${opts.query ?? ""}`, { key: org.key, params: { evalId: id }, headers: opts.headers });

describe("GET /api/v1/jobs/{eval_id} as written out", () => {
  it("is byte for byte the serialised job: queued, completed, completed with near misses, failed", async () => {
    const broad = { ...SEED_BODY, profile: { entity: "broad", state: "TX", line: "general_liability", revenue: 3_000_000 } };
    const [queued, done, failed] = [await submit(), await submit(broad), await submit()];
    expect((await get(queued)).text).toBe(JSON.stringify(await getJob(db, org.org.id, queued)));

    await completeJobNow(done);
    const res = await get(done);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const expected = JSON.stringify(await getJob(db, org.org.id, done));
    expect(res.text).toBe(expected);
    expect(res.text.length).toBeGreaterThan(50_000); // a broad risk: the spliced candidates are most of it
    // … and the stored result was not parsed to write it.
    const parse = vi.spyOn(JSON, "parse");
    expect(await getJobJson(db, org.org.id, done)).toBe(expected);
    expect(parse.mock.calls.filter(([t]) => typeof t === "string" && t.length > 10_000)).toHaveLength(0);
    parse.mockRestore();
    const near = await get(done, { query: "?include=near_misses" });
    expect(near.text).toBe(JSON.stringify(await getJob(db, org.org.id, done, { nearMisses: true })));
    expect((near.json as { near_misses: unknown[] }).near_misses).toBeInstanceOf(Array);

    await db.job.update({ where: { id: failed }, data: { status: "failed", errorCode: "invalid_rules", errorMessage: "x", completedAt: new Date() } });
    expect((await get(failed)).text).toBe(JSON.stringify(await getJob(db, org.org.id, failed)));
  });
});
