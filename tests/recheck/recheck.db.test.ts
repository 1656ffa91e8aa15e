import http from "node:http";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newOrg, quiesceQueues, testDb } from "../setup/db";
import { webhookReceiver } from "../setup/receiver";
import { carrier } from "../engine/fixtures";
import { submit } from "../worker/helpers";
import { importOrganizationPool } from "@/lib/pools/import-pool";
import { finishRechecks, submitPendingRechecks } from "@/lib/recheck/runner";
import { claimJobs, completeJob } from "@/lib/worker/queue";
import { evaluateJob } from "@/lib/worker/evaluate-job";
import { getJob, listJobs } from "@/lib/jobs/read";
import { getTrace } from "@/lib/traces/trace";
import { claimDueDeliveries, attemptDelivery } from "@/lib/webhooks/deliver";
import { resetSettingsForTests } from "@/lib/settings";
import { saveScoringRules } from "@/lib/rules/rule-sets";
import { EvaluationChangedEvent } from "@/lib/recheck/schemas";

// Re-checks: a new pool version re-evaluates the organization's recent evaluations on that pool as
// new jobs linked to the originals (which never change), a few at a time, and only a material
// change (eligibility, or the top tier) produces a signed "evaluation.changed" webhook event.

const db = testDb();
const receiver = webhookReceiver(() => (res: http.ServerResponse) => res.writeHead(200).end("ok"));
let org: Awaited<ReturnType<typeof newOrg>>["org"];

const CA_PL = { entity: "ca-risk", state: "CA", line: "professional_liability", revenue: 12_000_000 };
const NV_PL = { entity: "nv-risk", state: "NV", line: "professional_liability", revenue: 12_000_000 };
const AZ_PL = { entity: "az-risk", state: "AZ", line: "professional_liability", revenue: 12_000_000 };

const V1 = [
  carrier({ id: "c1", name: "Alder Mutual" }),
  carrier({ id: "c2", name: "Birch Casualty" }),
  carrier({ id: "c3", name: "Cedar Specialty", admitted_states: ["AZ", "CA", "NV"] }),
];
// Cedar stops writing California: the CA evaluations lose a Strong fit; NV and AZ do not change.
const V2 = [V1[0], V1[1], carrier({ id: "c3", name: "Cedar Specialty", admitted_states: ["AZ", "NV"] })];

async function importVersion(candidates: unknown[]) {
  return importOrganizationPool(db, org.id, { name: "book", domain: "carriers" }, { format: "json", text: JSON.stringify(candidates) });
}

/** Run every queued job to completion in this process (no background loops in this file). */
async function drainJobs() {
  for (;;) {
    const jobs = await claimJobs(db, "recheck-test", 10, 30_000);
    if (jobs.length === 0) return;
    for (const j of jobs) await completeJob(db, j, "recheck-test", await evaluateJob(db, j));
  }
}

const setEnv = (env: Record<string, string>) => {
  Object.assign(process.env, env);
  resetSettingsForTests();
};

let caJob: string, nvJob: string, azJob: string, poolKey: string;

beforeAll(async () => {
  await quiesceQueues();
  await db.recheckItem.updateMany({ where: { status: { in: ["pending", "running"] } }, data: { status: "failed" } });
  await receiver.start();
  setEnv({ WEBHOOK_ALLOW_PRIVATE: "1", BASE_URL: "http://localhost:3000" });
  ({ org } = await newOrg("recheck"));
  poolKey = (await importVersion(V1)).id;
  caJob = await submit(org.id, { profile: CA_PL, pool: poolKey, webhook_url: `${receiver.base}/ca` });
  nvJob = await submit(org.id, { profile: NV_PL, pool: poolKey, webhook_url: `${receiver.base}/nv` });
  azJob = await submit(org.id, { profile: AZ_PL, pool: poolKey });
  await drainJobs();
});

afterAll(async () => {
  await receiver.stop();
});

describe("re-check after a new pool version", () => {
  it("queues the recent evaluations, submits at most the allowed number at a time, and links the new jobs", async () => {
    const before = await db.jobResult.findMany({ where: { jobId: { in: [caJob, nvJob, azJob] } }, orderBy: { jobId: "asc" } });
    const imported = await importVersion(V2);
    expect(imported.version).toBe(2);
    const items = await db.recheckItem.findMany({ where: { organizationId: org.id } });
    expect(items.map((i) => i.originalJobId).sort()).toEqual([caJob, nvJob, azJob].sort());
    expect(items.every((i) => i.status === "pending" && i.baselineJobId === i.originalJobId)).toBe(true);

    // Never while someone's evaluation waits; then two outstanding at most, none more until one finishes.
    const waiting = await submit(org.id, { profile: AZ_PL, pool: poolKey });
    expect(await submitPendingRechecks(db, 2)).toBe(0);
    await drainJobs();
    await db.job.delete({ where: { id: waiting } });
    expect(await submitPendingRechecks(db, 2)).toBe(2);
    expect(await submitPendingRechecks(db, 2)).toBe(0);
    await drainJobs();
    expect(await finishRechecks(db)).toBe(2);
    expect(await submitPendingRechecks(db, 2)).toBe(1);
    await drainJobs();
    expect(await finishRechecks(db)).toBe(1);

    const rechecks = await db.job.findMany({
      where: { organizationId: org.id, sourceKind: "recheck" },
      select: { id: true, sourceJobId: true, poolVersion: { select: { version: true } }, webhookUrl: true, status: true },
    });
    expect(rechecks.map((j) => j.sourceJobId).sort()).toEqual([caJob, nvJob, azJob].sort());
    expect(rechecks.every((j) => j.poolVersion.version === 2 && j.status === "completed" && j.webhookUrl === null)).toBe(true);

    // The originals never change.
    const after = await db.jobResult.findMany({ where: { jobId: { in: [caJob, nvJob, azJob] } }, orderBy: { jobId: "asc" } });
    expect(after.map((r) => Buffer.from(r.result).toString("base64"))).toEqual(before.map((r) => Buffer.from(r.result).toString("base64")));
  });

  it("marks only the CA evaluation as materially changed and sends one signed event, for it", async () => {
    const done = await db.recheckItem.findMany({
      where: { organizationId: org.id },
      select: { originalJobId: true, material: true, status: true, jobId: true, summary: true },
    });
    const byOriginal = new Map(done.map((d) => [d.originalJobId, d]));
    expect(byOriginal.get(caJob)).toMatchObject({ status: "done", material: true });
    expect(byOriginal.get(nvJob)).toMatchObject({ status: "done", material: false });
    expect(byOriginal.get(azJob)).toMatchObject({ status: "done", material: false });
    expect((byOriginal.get(caJob)!.summary as { material: { name: string; kinds: string[] }[] }).material).toEqual([
      { id: "c3", name: "Cedar Specialty", kinds: ["left", "left_top_tier"] },
    ]);

    const events = await db.webhookDelivery.findMany({ where: { organizationId: org.id, event: "evaluation.changed" } });
    expect(events).toHaveLength(1);
    const newCa = byOriginal.get(caJob)!.jobId!;
    expect(events[0]).toMatchObject({ jobId: newCa, url: `${receiver.base}/ca` });

    const [claimed] = (await claimDueDeliveries(db, "recheck-test", 50, 30_000)).filter((d) => d.id === events[0].id);
    expect((await attemptDelivery(db, claimed, "recheck-test")).outcome).toBe("succeeded");
    const [hit] = receiver.hitsOn("/ca");
    const body = EvaluationChangedEvent.parse(new Webhook(org.webhookSecret!).verify(hit.body, hit.headers));
    expect(body).toMatchObject({
      type: "evaluation.changed",
      eval_id: newCa,
      original_eval_id: caJob,
      previous_eval_id: caJob,
      trigger: "pool_version",
      pool_version: 2,
      compare_url: `http://localhost:3000/jobs/${caJob}/compare/${newCa}`,
      api_compare_url: `http://localhost:3000/api/v1/jobs/${caJob}/compare/${newCa}`,
    });
    expect(body.summary.sentences).toContain("1 carrier is no longer eligible");
  });

  it("History marks the changed evaluation and hides re-check jobs unless asked", async () => {
    const list = await listJobs(db, org.id, { limit: 100 });
    expect(list.data.map((j) => j.eval_id).sort()).toEqual([caJob, nvJob, azJob].sort());
    const recheck = (await db.job.findFirstOrThrow({ where: { sourceJobId: caJob, sourceKind: "recheck" } })).id;
    expect(list.data.find((j) => j.eval_id === caJob)!.changed_since).toMatchObject({
      eval_id: recheck,
      sentences: expect.arrayContaining(["1 carrier is no longer eligible"]),
    });
    expect(list.data.find((j) => j.eval_id === nvJob)!.changed_since).toBeNull();
    const all = await listJobs(db, org.id, { limit: 100, include_rechecks: "true" });
    expect(all.data).toHaveLength(6);
    expect(all.data.find((j) => j.eval_id === recheck)!.source).toEqual({ eval_id: caJob, kind: "recheck" });
    expect((await getJob(db, org.id, caJob)).changed_since!.eval_id).toBe(recheck);
    expect((await getJob(db, org.id, recheck)).source).toEqual({ eval_id: caJob, kind: "recheck" });
  });

  it("keeps an old pool version's evaluation on its own result and trace", async () => {
    const original = await getJob(db, org.id, caJob);
    expect(original.pool_version).toBe(1);
    expect(original.candidates!.map((c) => c.name)).toContain("Cedar Specialty");
    const trace = (await getTrace(db, org.id, caJob)) as Extract<Awaited<ReturnType<typeof getTrace>>, { scored: { evidence?: unknown }[] }>;
    expect(trace.pool_version).toBe(1);
    const cedar = trace.scored.find((s) => s.name === "Cedar Specialty")!;
    expect(cedar).toBeDefined();
    expect((cedar as { evidence?: unknown }).evidence).toBeDefined();

    const recheck = (await db.job.findFirstOrThrow({ where: { sourceJobId: caJob, sourceKind: "recheck" } })).id;
    const fresh = await getTrace(db, org.id, recheck);
    expect(fresh.pool_version).toBe(2);
    expect(fresh.eliminated.flatMap((e) => e.candidates.map((c) => c.name))).toContain("Cedar Specialty");
  });

  it("compares a second re-check with the first one, not the original, and saving rules triggers one", async () => {
    await saveScoringRules(db, org.id, "carriers", { weights: { appetite: 0, coverage: 0, financial: 0, pricing: 0, placement: 1, service: 0 } }, null);
    const items = await db.recheckItem.findMany({ where: { organizationId: org.id, status: "pending" } });
    expect(items).toHaveLength(3);
    const firstCa = (await db.job.findFirstOrThrow({ where: { sourceJobId: caJob, sourceKind: "recheck" } })).id;
    expect(items.find((i) => i.originalJobId === caJob)!.baselineJobId).toBe(firstCa);
    expect((await db.recheck.findFirstOrThrow({ where: { organizationId: org.id, trigger: "scoring_rules" } })).rulesVersion).toBe(1);
  });
});

describe("several organizations' re-checks", () => {
  it("take turns: a second organization's items do not wait for the first's whole re-check", async () => {
    // The first organization still has three pending items (the rules re-check above); a second
    // organization's new pool version adds two, later.
    const { org: other } = await newOrg("recheck-b");
    const pool = (await importOrganizationPool(db, other.id, { name: "book", domain: "carriers" }, { format: "json", text: JSON.stringify(V1) })).id;
    await submit(other.id, { profile: CA_PL, pool });
    await submit(other.id, { profile: NV_PL, pool });
    await drainJobs();
    await importOrganizationPool(db, other.id, { name: "book", domain: "carriers" }, { format: "json", text: JSON.stringify(V2) });
    const pending = await db.recheckItem.groupBy({ by: ["organizationId"], where: { status: "pending" }, _count: true });
    expect(Object.fromEntries(pending.map((p) => [p.organizationId, p._count]))).toEqual({ [org.id]: 3, [other.id]: 2 });

    const served: string[] = [];
    const turn = {};
    for (;;) {
      const before = new Set((await db.recheckItem.findMany({ where: { status: "running" }, select: { id: true } })).map((i) => i.id));
      if ((await submitPendingRechecks(db, 1, turn)) === 0) break;
      const [started] = await db.recheckItem.findMany({ where: { status: "running", id: { notIn: [...before] } }, select: { organizationId: true } });
      served.push(started.organizationId === org.id ? "first" : "second");
      await drainJobs();
      expect(await finishRechecks(db)).toBe(1);
    }
    expect(served).toHaveLength(5);
    // Alternating while both have items left, whichever goes first; then the rest of the larger one.
    expect(served.slice(0, 4)).toEqual(served[0] === "first" ? ["first", "second", "first", "second"] : ["second", "first", "second", "first"]);
    expect(served[4]).toBe("first");
  });
});
