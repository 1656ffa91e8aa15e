import { beforeAll, describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { POST } from "@/app/api/v1/jobs/route";
import { GET as GET_JOB } from "@/app/api/v1/jobs/[evalId]/route";
import { CreateJobResponse, JobResponse, JobResult } from "@/lib/jobs/schemas";
import { gunzipJson, gzipJson } from "@/lib/jobs/result-codec";
import { resultBody } from "@/lib/jobs/webhook-body";
import { getTrace } from "@/lib/traces/trace";
import { loadPoolVersion } from "@/lib/pools/pools";
import * as engine1 from "@/lib/engine/v1";
import type { EvaluationResult } from "@/lib/engine";
import { TraceReport } from "@/components/trace/trace-report";
import type { TraceData } from "@/components/trace/types";
import { newOrg, quiesceQueues, testDb } from "@/tests/setup/db";
import { call, completeJobNow, expectError, parsed, SEED_BODY } from "@/tests/api/helpers";

// Engine 2 through the API: the seed's contract unchanged, markets and near misses added, exposure
// by line and the effective date checked at submission, and engine-1 results still explained.

type Org = Awaited<ReturnType<typeof newOrg>>;
const submit = (o: Org, body: unknown) => call(POST, "/api/v1/jobs", { key: o.key, body });
const getJob = (o: Org, evalId: string, query = "") => call(GET_JOB, `/api/v1/jobs/${evalId}${query}`, { key: o.key, params: { evalId } });

describe("engine 2 over the API", () => {
  let org: Org;
  beforeAll(async () => {
    await quiesceQueues();
    org = await newOrg("engine2");
  });

  it("the seed's body → 202, then a completed result in the seed's shape, each candidate with its market", async () => {
    const res = await submit(org, SEED_BODY);
    expect(res.status, res.text).toBe(202);
    const { eval_id } = parsed(CreateJobResponse, res);
    await completeJobNow(eval_id);
    const job = parsed(JobResponse, await getJob(org, eval_id));
    expect(job).toMatchObject({ status: "completed", pool_size: 1847, engine_version: "2.2.0" });
    expect(job.filtered).toBe(job.candidates!.length);
    // The seed's fields, in the seed's names, and nothing asked-for-only.
    JobResult.parse({
      eval_id,
      status: "completed",
      pool_size: job.pool_size,
      filtered: job.filtered,
      candidates: job.candidates,
      audit: job.audit,
      livemode: job.livemode,
    });
    expect(job).not.toHaveProperty("near_misses");
    for (const c of job.candidates!) {
      for (const k of ["tier", "name", "confidence", "scores", "reasoning"]) expect(c).toHaveProperty(k);
      expect(["admitted", "surplus_lines"]).toContain(c.market);
      if (c.market === "surplus_lines") expect(c.surplus_lines).toMatchObject({ declinations_required: 3, tax_rate: 0.03 });
    }
    // The webhook body is the seed's shape too: no near misses in it.
    const stored = await testDb().jobResult.findUniqueOrThrow({ where: { jobId: eval_id } });
    const hook = resultBody({ id: eval_id, status: "completed", errorCode: null, errorMessage: null }, gunzipJson<EvaluationResult>(stored.result));
    expect(Object.keys(hook)).toEqual(["eval_id", "status", "pool_size", "filtered", "candidates", "audit"]);
    expect(hook.candidates?.[0]).toHaveProperty("market");

    const withNear = parsed(JobResponse, await getJob(org, eval_id, "?include=near_misses"));
    expect(withNear.near_misses!.length).toBeGreaterThan(0);
    expect(withNear.near_misses![0].failed[0]).toMatchObject({ code: "below_financial_floor" });
    expectError(await getJob(org, eval_id, "?include=everything"), 400, "invalid_request");
  });

  it("each line asks for the exposure it is rated on: WC without payroll is a 400 naming profile.payroll", async () => {
    const wc = { ...SEED_BODY, profile: { entity: "buckeye-fab", state: "CA", line: "workers_compensation", revenue: 5_000_000 } };
    const err = expectError(await submit(org, wc), 400, "invalid_request");
    expect(err.message).toBe("Missing required field: profile.payroll");
    expect(err.details[0]).toMatchObject({ path: "profile.payroll", code: "invalid_type" });
    const ok = await submit(org, { ...wc, profile: { ...wc.profile, payroll: 2_000_000, experience_mod: 0.9 } });
    expect(ok.status, ok.text).toBe(202);
  });

  it("Ohio workers' compensation completes with no private carrier, every one removed by the monopolistic-state rule", async () => {
    const res = await submit(org, { pool: "carriers:all", profile: { entity: "buckeye-fab", state: "OH", line: "workers_compensation", payroll: 2_000_000 } });
    const { eval_id } = parsed(CreateJobResponse, res);
    await completeJobNow(eval_id);
    expect(parsed(JobResponse, await getJob(org, eval_id))).toMatchObject({ status: "completed", filtered: 0, candidates: [] });
    const trace = await getTrace(testDb(), org.org.id, eval_id, { evidence: false });
    expect(trace.eliminated.map((g) => [g.code, g.count])).toEqual([["monopolistic_wc_state", 1847]]);
    expect(trace.eliminated[0]).toMatchObject({ source: expect.stringContaining("Ohio Rev. Code ch. 4123") });
    expect(trace.notes?.[0]).toContain("state fund");
  });

  it("an effective date more than 30 days in the past is refused at submission", async () => {
    const past = new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 10);
    const err = expectError(await submit(org, { ...SEED_BODY, profile: { ...SEED_BODY.profile, effective_date: past } }), 400, "invalid_request");
    expect(err.details).toEqual([expect.objectContaining({ path: "profile.effective_date", code: "effective_date_past" })]);
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect((await submit(org, { ...SEED_BODY, profile: { ...SEED_BODY.profile, effective_date: soon } })).status).toBe(202);
  });
});

describe("an engine-1 result after the upgrade", () => {
  let org: Org;
  let evalId: string;
  let v1Result: EvaluationResult;

  beforeAll(async () => {
    await quiesceQueues();
    org = await newOrg("engine1");
    evalId = parsed(CreateJobResponse, await submit(org, SEED_BODY)).eval_id;
    await completeJobNow(evalId);
    // Store what engine 1.0.0 produced for this job, as a job completed before the upgrade has.
    const db = testDb();
    const job = await db.job.findUniqueOrThrow({ where: { id: evalId } });
    const pool = (await loadPoolVersion(db, job.poolVersionId))!;
    const { result, trace } = engine1.evaluate("carriers", job.profile, pool.candidates as never, { asOf: job.createdAt.toISOString() });
    v1Result = result;
    await db.jobResult.update({
      where: { jobId: evalId },
      data: {
        engineVersion: "1.0.0",
        result: gzipJson(result),
        trace: gzipJson({ ...trace, pool: job.poolKey, pool_version: pool.version, profile: job.profile }),
      },
    });
  });

  it("GET returns engine 1's result unchanged", async () => {
    const job = parsed(JobResponse, await getJob(org, evalId, "?include=near_misses"));
    expect(job.engine_version).toBe("1.0.0");
    expect(job.candidates).toEqual(v1Result.candidates);
    expect(job.candidates![0]).not.toHaveProperty("market");
    expect(job.near_misses).toEqual([]);
  });

  it("the trace is explained by engine 1: its filter codes, its evidence, its reasoning", async () => {
    const trace = await getTrace(testDb(), org.org.id, evalId);
    expect(trace.engine_version).toBe("1.0.0");
    expect(trace.eliminated.map((g) => g.code)).toContain("revenue_outside_band");
    expect(trace.eliminated.map((g) => g.code)).not.toContain("exposure_outside_band");
    const first = trace.scored[0] as (typeof trace.scored)[number] & { evidence: Record<string, { rule: string }>; reasoning: string };
    expect(first.reasoning).toBe(v1Result.candidates[0].reasoning);
    expect(first.evidence.pricing.rule).toMatch(/^pricing\.rate_position /);
    expect(first).not.toHaveProperty("market");
  });

  it("the trace page renders it", async () => {
    const trace = await getTrace(testDb(), org.org.id, evalId);
    const html = renderToStaticMarkup(createElement(TraceReport, { trace: trace as unknown as TraceData }));
    expect(html).toContain("1.0.0");
    expect(html).toContain(v1Result.candidates[0].name);
    expect(html).toContain("revenue_outside_band");
    expect(html).not.toContain("Almost eligible");
  });
});
