import { beforeAll, describe, expect, it } from "vitest";
import { newOrg, testDb } from "../setup/db";
import { submit } from "../worker/helpers";
import { completeJobNow, PROVIDER_BODY } from "../api/helpers";
import { newId } from "@/lib/ids";
import { getScoringRules, saveScoringRules } from "@/lib/rules/rule-sets";
import { getJob } from "@/lib/jobs/read";
import { getTrace } from "@/lib/traces/trace";

// An organization saved provider rules under engine 1 (filters.max_zip3_gap, ZIP-prefix distance
// levels). Engine 2 has neither: its evaluations must still complete, the trace must say what was
// dropped, and Settings must show it and let the admin save it away.

let orgId: string;
const LEGACY = { weights: { placement: 40 }, filters: { max_zip3_gap: 10 }, placement: { distance_levels: [{ level: 1, max_zip3_gap: 0 }] } };

beforeAll(async () => {
  orgId = (await newOrg("legacy-rules")).org.id;
  // Written as engine 1's API would have stored it (saving through today's API refuses it).
  await testDb().scoringRuleSet.create({ data: { id: newId("rules"), organizationId: orgId, domain: "providers", version: 1, overrides: LEGACY } });
});

describe("provider rules saved for engine 1", () => {
  it("a provider evaluation completes (not invalid_rules) and its trace names each dropped rule", async () => {
    const evalId = await submit(orgId, { profile: PROVIDER_BODY.profile, pool: PROVIDER_BODY.pool });
    await completeJobNow(evalId);
    const job = await getJob(testDb(), orgId, evalId);
    expect(job.status).toBe("completed");
    const trace = await getTrace(testDb(), orgId, evalId);
    const notes = (trace as { notes?: string[] }).notes ?? [];
    expect(notes).toContainEqual(expect.stringMatching(/^Rule filters\.max_zip3_gap = 10 was saved for an earlier engine and no longer applies/));
    expect(notes).toContainEqual(expect.stringMatching(/^Rule placement\.distance_levels = /));
  });

  it("Settings shows them apart and saving what is shown removes them (a new version without them)", async () => {
    const shown = await getScoringRules(testDb(), orgId, "providers");
    expect(shown.version).toBe(1);
    expect(shown.overrides).toEqual({ weights: { placement: 40 }, filters: {}, placement: {} });
    expect(shown.legacy_notes).toHaveLength(2);
    const saved = await saveScoringRules(testDb(), orgId, "providers", { weights: { placement: 40 } }, null);
    expect(saved.rules.version).toBe(2);
    expect(saved.rules.legacy_notes).toBeUndefined();
    expect((await getScoringRules(testDb(), orgId, "providers")).legacy_notes).toBeUndefined();
  });
});
