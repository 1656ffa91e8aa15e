import { beforeAll, describe, expect, it } from "vitest";
import { testDb, newOrg, quiesceQueues } from "../setup/db";
import { submit, SEED_PROFILE } from "./helpers";
import { claimJobs, completeJob } from "@/lib/worker/queue";
import { evaluateJob } from "@/lib/worker/evaluate-job";
import { getJob } from "@/lib/jobs/read";
import { getTrace as readTrace, type Trace } from "@/lib/traces/trace";
import { ruleSetById, saveScoringRules } from "@/lib/rules/rule-sets";
import { evaluate, type PoolCandidate, type RuleOverrides } from "@/lib/engine";
import { gunzipJson } from "@/lib/jobs/result-codec";
import { loadPoolVersion } from "@/lib/pools/pools";
import { CARRIER_RULES } from "@/lib/engine/domains/carriers/rules";

// The worker evaluates with the organization's rules in force when the job runs, records their
// version, and the trace of an older job recomputes its evidence with the rules that job used.

const db = testDb();
let orgId: string;

beforeAll(async () => {
  orgId = (await newOrg("rules-worker")).org.id;
  await quiesceQueues();
});

async function runOne(): Promise<string> {
  const id = await submit(orgId, { profile: SEED_PROFILE, pool: "carriers:all" });
  const [job] = await claimJobs(db, "rules-test", 1, 30_000);
  expect(job.id).toBe(id);
  await completeJob(db, job, "rules-test", await evaluateJob(db, job));
  return id;
}

type Completed = Trace & { rules_version: number; rules: NonNullable<Trace["rules"]> };
const getTrace = async (...args: Parameters<typeof readTrace>) => (await readTrace(...args)) as Completed;

/** Placement decides alone: every score is the points of the placement level. */
const PLACEMENT_ONLY = { weights: { appetite: 0, coverage: 0, financial: 0, pricing: 0, placement: 1, service: 0 } };

describe("evaluations use the organization's scoring rules", () => {
  it("scores and ranks differently after a weights change, records the versions, and keeps old traces on old rules", async () => {
    const before = await runOne();
    const v1 = await saveScoringRules(db, orgId, "carriers", PLACEMENT_ONLY, null);
    expect(v1.rules.version).toBe(1);
    const after = await runOne();

    const [jb, ja] = [await getJob(db, orgId, before), await getJob(db, orgId, after)];
    expect(jb.rules_version).toBe(0);
    expect(ja.rules_version).toBe(1);
    // Same profile, same pool version: eligibility is the same, the order is not.
    expect(ja.filtered).toBe(jb.filtered);
    expect(ja.candidates!.map((c) => c.name)).not.toEqual(jb.candidates!.map((c) => c.name));

    const ta = await getTrace(db, orgId, after);
    expect(ta.rules_version).toBe(1);
    expect(ta.rules.weights).toEqual(PLACEMENT_ONLY.weights);
    const points = CARRIER_RULES.level_points;
    for (const s of ta.scored) expect(s.score).toBe(points[Number(s.scores.placement.slice(1)) - 1]);
    const stored = await db.jobResult.findUniqueOrThrow({ where: { jobId: after } });
    expect(stored.rulesSetId).toBe((await db.scoringRuleSet.findFirstOrThrow({ where: { organizationId: orgId, version: 1 } })).id);

    // A later version must not change what the earlier jobs' traces show.
    await saveScoringRules(db, orgId, "carriers", { weights: { appetite: 100 } }, null);
    const tb = await getTrace(db, orgId, before);
    const ta2 = await getTrace(db, orgId, after);
    expect(tb.rules_version).toBe(0);
    expect(tb.rules.weights).toEqual(CARRIER_RULES.weights);
    expect(ta2.rules_version).toBe(1);
    expect(ta2.rules.weights).toEqual(PLACEMENT_ONLY.weights);
    // Re-running the inputs a result recorded (profile, pool version, as-of, rule set) gives it back.
    for (const id of [before, after]) {
      const job = await db.job.findUniqueOrThrow({ where: { id }, include: { result: true } });
      const set = await ruleSetById(db, orgId, job.result!.rulesSetId);
      const pool = await loadPoolVersion(db, job.poolVersionId);
      const again = evaluate("carriers", job.profile, pool!.candidates as PoolCandidate[], {
        asOf: job.createdAt.toISOString(),
        rules: set!.overrides as RuleOverrides,
      });
      expect(JSON.stringify(again.result)).toBe(JSON.stringify(gunzipJson(job.result!.result)));
    }

    // The evidence is recomputed, not stored: a strong or moderate tier rule quotes the score the
    // job computed, which other weights would not reproduce.
    for (const t of [tb, ta2]) {
      const quoted = t.scored.filter((s) => s.tier !== "WEAK_FIT");
      expect(quoted.length).toBeGreaterThan(0);
      for (const s of quoted) expect((s as { tier_rule?: string }).tier_rule).toContain(`score ${s.score} `);
    }
  });
});
