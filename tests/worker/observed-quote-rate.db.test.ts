import { beforeAll, describe, expect, it } from "vitest";
import { testDb, newOrg, quiesceQueues } from "../setup/db";
import { submit, SEED_PROFILE } from "./helpers";
import { claimJobs, completeJob } from "@/lib/worker/queue";
import { evaluateJob } from "@/lib/worker/evaluate-job";
import { getJob } from "@/lib/jobs/read";
import { getTrace } from "@/lib/traces/trace";
import { ruleSetById, saveScoringRules } from "@/lib/rules/rule-sets";
import { evaluate, type EvaluationResult, type ObservedMarket, type PoolCandidate, type RuleOverrides } from "@/lib/engine";
import { gunzipJson, gzipJson } from "@/lib/jobs/result-codec";
import { loadPoolVersion } from "@/lib/pools/pools";
import { newEvalId } from "@/lib/ids";
import { putPlan, recordPlanEvent } from "@/lib/plan/plan";

// End to end through the worker: the organization's market plans (built with lib/plan) give two
// carriers observed quote rates; with the rule off the job's result is unchanged, with it on the
// worker loads the figures, the result differs, the stored trace carries the figures and the
// evidence recomputed from it says the rule applied; re-running the recorded inputs, snapshot
// included, gives the same bytes even after more plan events arrive.

const db = testDb();
let orgId: string;

beforeAll(async () => {
  orgId = (await newOrg("observed-worker")).org.id;
  await quiesceQueues();
});

async function runOne(): Promise<string> {
  const id = await submit(orgId, { profile: SEED_PROFILE, pool: "carriers:all" });
  const [job] = await claimJobs(db, "observed-test", 1, 30_000);
  expect(job.id).toBe(id);
  await completeJob(db, job, "observed-test", await evaluateJob(db, job));
  return id;
}

/** A completed evaluation of the seed's line whose result lists `carriers`, with a plan taking each through `steps`. */
async function planned(carriers: { id: string; name: string }[], steps: Record<string, ("submitted" | "quoted" | "declined")[]>) {
  const pool = await db.pool.findUniqueOrThrow({ where: { key: "carriers:all" } });
  const job = await db.job.create({
    data: {
      id: newEvalId(),
      organizationId: orgId,
      poolId: pool.id,
      poolVersionId: pool.currentVersionId!,
      poolKey: pool.key,
      profile: SEED_PROFILE,
      entity: SEED_PROFILE.entity,
      status: "completed",
      completedAt: new Date(),
    },
  });
  const candidates = carriers.map((c) => ({ ...c, tier: "STRONG_FIT", confidence: "HIGH", scores: {}, reasoning: "", score: 80, market: "admitted" }));
  await db.jobResult.create({
    data: {
      jobId: job.id,
      engineVersion: "2.1.0",
      poolSize: 2,
      filtered: 2,
      result: gzipJson({ pool_size: 2, filtered: 2, candidates }),
      trace: gzipJson({}),
      timings: {},
    },
  });
  const actor = { organizationId: orgId };
  await putPlan(db, actor, job.id, { entries: carriers.map((c) => ({ carrier_id: c.id })) });
  for (const [carrierId, path] of Object.entries(steps)) {
    for (const s of path)
      await recordPlanEvent(
        db,
        actor,
        job.id,
        carrierId,
        s === "quoted" ? { status: s, premium: 1000 } : s === "declined" ? { status: s, reason: "class" } : { status: s },
      );
  }
}

describe("the observed-quote-rate rule through the worker", () => {
  it("off: no figures loaded; on: the result changes, the trace carries the figures and says why, and a re-run of the recorded inputs is byte-identical", async () => {
    const before = await runOne();
    const base = (await getJob(db, orgId, before)).candidates!;
    // The first-ranked carrier, never quoted in 5 submissions; a lower one quoted every time.
    const top = base[0];
    const pool = await loadPoolVersion(db, (await db.job.findUniqueOrThrow({ where: { id: before } })).poolVersionId);
    const hitRatio = new Map(
      (pool!.candidates as { id: string; placement?: { hit_ratio?: number | null } }[]).map((c) => [c.id, c.placement?.hit_ratio ?? null]),
    );
    const low = base.find((c, i) => i > 0 && c.scores.placement !== "L1" && (hitRatio.get(c.id) ?? 0) < 0.2)!;
    expect(low, "a lower carrier whose placement can improve").toBeTruthy();
    for (let i = 0; i < 5; i++) await planned([top, low], { [top.id]: ["submitted", "declined"], [low.id]: ["submitted", "quoted"] });

    // Still off: plans alone change nothing.
    const off = await runOne();
    expect((await getJob(db, orgId, off)).candidates).toEqual(base);
    expect((await getTrace(db, orgId, off)).observed_market).toBeUndefined();

    await saveScoringRules(db, orgId, "carriers", { placement: { observed_quote_rate: { enabled: true } } }, null);
    const on = await runOne();
    const after = (await getJob(db, orgId, on)).candidates!;
    expect(after).not.toEqual(base);
    // Never quoted: a worse placement level and score for the top carrier; always quoted: a better one for the other.
    const now = (id: string) => after.find((c) => c.id === id)!;
    expect(now(top.id).scores.placement > top.scores.placement).toBe(true); // "L2" > "L1": a worse level
    expect(now(top.id).score).toBeLessThan(top.score);
    expect(now(low.id).scores.placement < low.scores.placement).toBe(true);
    expect(now(low.id).score).toBeGreaterThan(low.score);

    const trace = await getTrace(db, orgId, on);
    expect(trace.observed_market).toMatchObject({
      line: SEED_PROFILE.line,
      figures: { [top.id]: { submissions: 5, quotes: 0 }, [low.id]: { submissions: 5, quotes: 5 } },
    });
    expect(trace.notes).toContainEqual(expect.stringMatching(/^Observed quote rate rule on: .*at least 5 submissions.*\(2 of 2 carriers with figures/));
    const ev = (id: string) => trace.scored.find((s) => s.id === id)!.evidence!.placement;
    expect(ev(top.id).rule).toMatch(/\(observed quote rate\)$/);
    expect(ev(top.id).values?.observed_quote_rate).toMatchObject({ applied: true, submissions: 5, quotes: 0, quote_rate: 0, min_submissions: 5 });
    expect(ev(low.id).evidence).toContain("your organization's quote rate 100% (5 quoted of 5 submitted in");

    // More outcomes later do not change what this job recorded: the snapshot is the input.
    await planned([top], { [top.id]: ["submitted", "quoted"] });
    const job = await db.job.findUniqueOrThrow({ where: { id: on }, include: { result: true } });
    const stored = gunzipJson<{ observed_market: ObservedMarket }>(job.result!.trace);
    const set = await ruleSetById(db, orgId, job.result!.rulesSetId);
    const again = evaluate("carriers", job.profile, pool!.candidates as PoolCandidate[], {
      asOf: job.createdAt.toISOString(),
      rules: set!.overrides as RuleOverrides,
      observed: stored.observed_market,
    });
    expect(JSON.stringify(again.result)).toBe(JSON.stringify(gunzipJson<EvaluationResult>(job.result!.result)));
    expect(JSON.stringify((await getTrace(db, orgId, on)).scored)).toBe(JSON.stringify(trace.scored));
  });
});
