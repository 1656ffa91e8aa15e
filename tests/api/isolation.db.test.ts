import { beforeAll, describe, expect, it } from "vitest";
import { POST, GET as LIST } from "@/app/api/v1/jobs/route";
import { GET as GET_JOB } from "@/app/api/v1/jobs/[evalId]/route";
import { GET as GET_DELIVERIES, POST as REDELIVER } from "@/app/api/v1/jobs/[evalId]/deliveries/route";
import { GET as GET_TRACE } from "@/app/api/traces/[evalId]/route";
import { GET as POOLS } from "@/app/api/v1/pools/route";
import { CreateJobResponse, JobResponse, ListJobsResponse, ListPoolsResponse } from "@/lib/jobs/schemas";
import { loadPoolVersion, upsertPoolVersion } from "@/lib/pools/pools";
import { testDb, newOrg } from "@/tests/setup/db";
import { call, completeJobNow, expectError, parsed, SEED_BODY, PROVIDER_BODY } from "@/tests/api/helpers";

// Two organizations, each with queued, completed and failed jobs (with and without webhooks) and a
// private pool. Every endpoint that takes an id answers the other organization's ids with the
// very same 404 as an id that does not exist; lists and pools never show the other's data.

type Org = Awaited<ReturnType<typeof newOrg>>;
interface Tenant extends Org {
  jobs: string[];
  privatePool: string;
}

async function tenant(label: string): Promise<Tenant> {
  const o = await newOrg(label);
  const submit = async (body: unknown) => parsed(CreateJobResponse, await call(POST, "/api/v1/jobs", { key: o.key, body })).eval_id;

  // a private pool: a few carriers of the demo pool, visible to this organization only
  const db = testDb();
  const all = await db.pool.findUniqueOrThrow({ where: { key: "carriers:all" }, select: { currentVersionId: true } });
  const candidates = (await loadPoolVersion(db, all.currentVersionId!))!.candidates.slice(0, 20);
  const privatePool = `carriers:${label}-private-${o.org.id.slice(-6).toLowerCase()}`;
  await upsertPoolVersion(
    db,
    { key: privatePool, domain: "carriers", name: "Private", description: "Only for one org", organizationId: o.org.id },
    candidates,
    "test",
  );

  const queued = await submit(SEED_BODY);
  const completed = await submit(SEED_BODY);
  const noHook = await submit(PROVIDER_BODY);
  const onPrivate = await submit({ ...SEED_BODY, pool: privatePool });
  const failed = await submit(SEED_BODY);
  await completeJobNow(completed);
  await completeJobNow(noHook);
  await db.job.update({ where: { id: failed }, data: { status: "failed", errorCode: "evaluation_failed", errorMessage: "x", completedAt: new Date() } });
  return { ...o, jobs: [queued, completed, noHook, onPrivate, failed], privatePool };
}

let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  a = await tenant("iso-a");
  b = await tenant("iso-b");
}, 120_000);

const endpoints = {
  "GET /api/v1/jobs/{id}": (t: Org, evalId: string) => call(GET_JOB, `/api/v1/jobs/${evalId}`, { key: t.key, params: { evalId } }),
  "GET /api/v1/jobs/{id}/deliveries": (t: Org, evalId: string) => call(GET_DELIVERIES, `/api/v1/jobs/${evalId}/deliveries`, { key: t.key, params: { evalId } }),
  "POST /api/v1/jobs/{id}/deliveries": (t: Org, evalId: string) =>
    call(REDELIVER, `/api/v1/jobs/${evalId}/deliveries`, { key: t.key, params: { evalId }, method: "POST" }),
  "GET /api/traces/{id}": (t: Org, evalId: string) => call(GET_TRACE, `/api/traces/${evalId}`, { key: t.key, params: { evalId } }),
};

describe("tenant isolation", () => {
  it("each organization can read its own jobs (the baseline the 404s are measured against)", async () => {
    for (const t of [a, b]) {
      for (const id of t.jobs) {
        expect((await endpoints["GET /api/v1/jobs/{id}"](t, id)).status).toBe(200);
        expect((await endpoints["GET /api/v1/jobs/{id}/deliveries"](t, id)).status).toBe(200);
        expect((await endpoints["GET /api/traces/{id}"](t, id)).status).toBe(200);
      }
      const completed = parsed(JobResponse, await endpoints["GET /api/v1/jobs/{id}"](t, t.jobs[1]));
      expect(completed.status).toBe("completed");
      const deliveries = (await endpoints["GET /api/v1/jobs/{id}/deliveries"](t, t.jobs[1])).json as { data: unknown[] };
      expect(deliveries.data.length).toBe(1);
    }
  });

  for (const [name, hit] of Object.entries(endpoints)) {
    it(`${name}: every id of the other organization → 404 not_found, the same answer as an unknown id`, async () => {
      const unknown = await hit(a, "eval_0000000000000000");
      const unknownError = expectError(unknown, 404, "not_found");
      for (const [me, other] of [
        [a, b],
        [b, a],
      ] as const) {
        for (const id of other.jobs) {
          const res = await hit(me, id);
          const err = expectError(res, 404, "not_found");
          expect(err).toEqual(unknownError);
          expect(res.text).not.toContain(id);
        }
      }
    });
  }

  it("a redelivery attempt across organizations creates no delivery", async () => {
    const before = await testDb().webhookDelivery.count({ where: { jobId: a.jobs[1] } });
    await endpoints["POST /api/v1/jobs/{id}/deliveries"](b, a.jobs[1]);
    expect(await testDb().webhookDelivery.count({ where: { jobId: a.jobs[1] } })).toBe(before);
  });

  it("the list shows only the organization's own jobs, under every filter", async () => {
    for (const [me, other] of [
      [a, b],
      [b, a],
    ] as const) {
      for (const query of [
        "?limit=100",
        "?status=completed",
        "?status=failed",
        "?status=queued",
        "?pool=carriers%3Aall",
        `?pool=${encodeURIComponent(other.privatePool)}`,
        "?q=acme",
        "?q=member",
      ]) {
        const page = parsed(ListJobsResponse, await call(LIST, `/api/v1/jobs${query}`, { key: me.key }));
        const ids = page.data.map((j) => j.eval_id);
        for (const id of other.jobs) expect(ids, query).not.toContain(id);
        for (const id of ids) expect(me.jobs, query).toContain(id);
      }
      expect(parsed(ListJobsResponse, await call(LIST, "/api/v1/jobs?limit=100", { key: me.key })).data).toHaveLength(me.jobs.length);
    }
  });

  it("the other organization's eval_id as a cursor is refused exactly like an unknown one", async () => {
    const unknown = expectError(await call(LIST, "/api/v1/jobs?starting_after=eval_0000000000000000", { key: a.key }), 400, "invalid_request");
    const foreign = expectError(await call(LIST, `/api/v1/jobs?starting_after=${b.jobs[0]}`, { key: a.key }), 400, "invalid_request");
    expect(foreign.details).toEqual(unknown.details);
    expect(foreign.message.replace(b.jobs[0], "ID")).toBe(unknown.message.replace("eval_0000000000000000", "ID"));
  });

  it("a private pool is listed and usable by its organization only", async () => {
    for (const [me, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const pools = parsed(ListPoolsResponse, await call(POOLS, "/api/v1/pools", { key: me.key })).data.map((p) => p.id);
      expect(pools).toContain(me.privatePool);
      expect(pools).not.toContain(other.privatePool);
      const res = await call(POST, "/api/v1/jobs", { key: me.key, body: { ...SEED_BODY, pool: other.privatePool } });
      const err = expectError(res, 400, "invalid_request");
      expect(err.message).toBe(`Unknown pool: ${other.privatePool}`);
    }
  });

  it("the same job is still there for its owner afterwards (nothing was changed by the other's requests)", async () => {
    const job = parsed(JobResponse, await endpoints["GET /api/v1/jobs/{id}"](a, a.jobs[0]));
    expect(job).toMatchObject({ eval_id: a.jobs[0], status: "queued" });
  });
});
