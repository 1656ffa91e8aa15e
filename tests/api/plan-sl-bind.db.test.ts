import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as planRoute from "@/app/api/v1/jobs/[evalId]/plan/route";
import * as eventsRoute from "@/app/api/v1/jobs/[evalId]/plan/[carrierId]/events/route";
import * as summaryRoute from "@/app/api/v1/jobs/[evalId]/plan/summary/route";
import { createPrisma } from "@/lib/db/client";
import { SL_EXEMPTIONS } from "@/lib/plan/machine";
import { diligentSearchRecord } from "@/lib/plan/record";
import { PlanView } from "@/lib/plan/schemas";
import { MarketingSummaryView } from "@/lib/plan/summary-schemas";
import { call, expectError, parsed } from "@/tests/api/helpers";
import { newOrg, testDb } from "@/tests/setup/db";
import { planCandidates, storedJob } from "@/tests/setup/stored-job";

// Binding a surplus-lines carrier (DOMAIN: diligent search first): refused with 409 while the home
// state's admitted declinations are not recorded, and nothing is stored; allowed once they are, or
// with an sl_exemption (exempt commercial purchaser, export list) that the bind event records and
// the plan, the diligent-search record and the marketing summary show. sl_exemption anywhere else
// is a 400; admitted carriers and a requirement of 0 are unaffected.

type Org = Awaited<ReturnType<typeof newOrg>>;
// One connection on the embedded database (pglite-socket interleaves concurrent connections).
const db = process.env.NEXIO_TEST_DB === "pg" ? testDb() : createPrisma(process.env.DATABASE_URL, 1);

/** A completed CA job whose result's surplus-lines candidate records `slRequired` declinations, planned with every candidate. */
async function plannedJob(o: Org, slRequired = 2) {
  const jobId = await storedJob(o.org.id, {
    profile: { entity: "Harbor Freight LLC", state: "CA", line: "general_liability" },
    candidates: planCandidates(slRequired),
  });
  const res = await call(planRoute.PUT, `/api/v1/jobs/${jobId}/plan`, {
    method: "PUT",
    key: o.key,
    body: { entries: ["adm-1", "adm-2", "adm-3", "sl-1"].map((carrier_id) => ({ carrier_id })) },
    params: { evalId: jobId },
  });
  expect(res.status, res.text).toBe(200);
  return jobId;
}

const getPlan = (o: Org, evalId: string) => call(planRoute.GET, `/api/v1/jobs/${evalId}/plan`, { key: o.key, params: { evalId } });
const postEvent = (o: Org, evalId: string, carrierId: string, body: unknown) =>
  call(eventsRoute.POST, `/api/v1/jobs/${evalId}/plan/${carrierId}/events`, { key: o.key, body, params: { evalId, carrierId } });
const QUOTE = { status: "quoted", premium: 12500, limit: 1_000_000 };

async function step(o: Org, evalId: string, carrierId: string, body: unknown) {
  const res = await postEvent(o, evalId, carrierId, body);
  expect(res.status, res.text).toBe(201);
  return parsed(PlanView, res);
}
const quoted = async (o: Org, evalId: string, carrierId: string) => {
  await step(o, evalId, carrierId, { status: "submitted" });
  return step(o, evalId, carrierId, QUOTE);
};
const declined = async (o: Org, evalId: string, carrierId: string) => {
  await step(o, evalId, carrierId, { status: "submitted" });
  return step(o, evalId, carrierId, { status: "declined", reason: "capacity" });
};
const entryOf = (plan: PlanView, carrierId: string) => plan.entries.find((e) => e.carrier_id === carrierId)!;

let a: Org;
beforeAll(async () => {
  a = await newOrg("plan-sl-bind");
});
afterAll(async () => {
  if (db !== testDb()) await db.$disconnect();
});

describe("binding a surplus-lines carrier", () => {
  it("is refused with 409 while the diligent search is not met, naming the state and counts; nothing is stored", async () => {
    const id = await plannedJob(a, 2);
    await declined(a, id, "adm-1");
    await quoted(a, id, "sl-1");
    const before = parsed(PlanView, await getPlan(a, id));
    expect(before.diligent_search).toMatchObject({ state: "CA", required: 2, recorded: 1, cleared: false });
    const events = await db.planEvent.count({ where: { jobId: id } });

    const err = expectError(await postEvent(a, id, "sl-1", { status: "bound", note: "client wants it" }), 409, "conflict");
    expect(err.message).toBe("Diligent search not met: CA requires 2 admitted declinations before binding a surplus-lines carrier; 1 recorded.");
    expect(err.details).toContainEqual(expect.objectContaining({ path: "status", code: "diligent_search_not_met" }));
    expect(parsed(PlanView, await getPlan(a, id))).toEqual(before);
    expect(await db.planEvent.count({ where: { jobId: id } })).toBe(events);
    expect((await db.planEntry.findFirstOrThrow({ where: { jobId: id, carrierId: "sl-1" } })).status).toBe("quoted");
  });

  it("is allowed once the state's admitted declinations are recorded, with no exemption on the event", async () => {
    const id = await plannedJob(a, 2);
    await quoted(a, id, "sl-1");
    await declined(a, id, "adm-1");
    expectError(await postEvent(a, id, "sl-1", { status: "bound" }), 409, "conflict");
    const cleared = await declined(a, id, "adm-2");
    expect(cleared.diligent_search).toMatchObject({ recorded: 2, cleared: true });
    const plan = await step(a, id, "sl-1", { status: "bound" });
    const sl = entryOf(plan, "sl-1");
    expect(sl.status).toBe("bound");
    expect(sl.events.at(-1)).toMatchObject({ kind: "status", from: "quoted", to: "bound", sl_exemption: null });
    expect(plan.diligent_search!.exemptions).toEqual([]);
    expect(diligentSearchRecord(plan).surplusLines).toEqual([expect.objectContaining({ carrier_id: "sl-1", status: "bound", exemption: null })]);
  });

  for (const exemption of SL_EXEMPTIONS) {
    it(`with sl_exemption ${exemption}: bound without the declinations; recorded on the event, in GET plan, the record and the marketing summary`, async () => {
      const id = await plannedJob(a, 2);
      await quoted(a, id, "sl-1");
      const plan = await step(a, id, "sl-1", { status: "bound", sl_exemption: exemption });
      expect(entryOf(plan, "sl-1").status).toBe("bound");

      const stored = await db.planEvent.findFirstOrThrow({ where: { jobId: id, carrierId: "sl-1", toStatus: "bound" } });
      expect(stored.slExemption).toBe(exemption);

      const got = parsed(PlanView, await getPlan(a, id));
      const sl = entryOf(got, "sl-1");
      expect(sl.events.at(-1)).toMatchObject({ from: "quoted", to: "bound", sl_exemption: exemption, actor: expect.stringMatching(/^key:nx_/) });
      expect(sl.events.slice(0, -1).every((e) => e.sl_exemption === null)).toBe(true);
      expect(got.diligent_search).toEqual({
        state: "CA",
        required: 2,
        recorded: 0,
        cleared: false,
        exemptions: [{ carrier_id: "sl-1", carrier_name: "Surplus Specialty", exemption, at: sl.events.at(-1)!.at, actor: sl.events.at(-1)!.actor }],
      });

      const record = diligentSearchRecord(got);
      expect(record.surplusLines).toEqual([
        {
          carrier_id: "sl-1",
          carrier_name: "Surplus Specialty",
          status: "bound",
          exemption,
          bound_at: sl.events.at(-1)!.at,
          bound_by: sl.events.at(-1)!.actor.replace(/^key:/, ""),
        },
      ]);

      const res = await call(summaryRoute.GET, `/api/v1/jobs/${id}/plan/summary`, { key: a.key, params: { evalId: id } });
      expect(res.status, res.text).toBe(200);
      const summary = parsed(MarketingSummaryView, res);
      expect(summary.diligent_search!.exemptions).toEqual([expect.objectContaining({ carrier_id: "sl-1", exemption })]);
      expect(summary.quotes).toEqual([expect.objectContaining({ carrier_id: "sl-1", status: "bound" })]);
    });
  }

  it("a requirement of 0 does not block", async () => {
    const id = await plannedJob(a, 0);
    await quoted(a, id, "sl-1");
    const plan = await step(a, id, "sl-1", { status: "bound" });
    expect(plan.diligent_search).toMatchObject({ required: 0, recorded: 0, cleared: true });
    expect(entryOf(plan, "sl-1").status).toBe("bound");
  });
});

describe("admitted carriers and sl_exemption elsewhere", () => {
  it("an admitted carrier binds as before while the surplus-lines search is open", async () => {
    const id = await plannedJob(a, 2);
    await quoted(a, id, "adm-3");
    const plan = await step(a, id, "adm-3", { status: "bound" });
    expect(plan.diligent_search).toMatchObject({ recorded: 0, cleared: false });
    expect(entryOf(plan, "adm-3").events.at(-1)).toMatchObject({ to: "bound", sl_exemption: null });
  });

  const CASES: { name: string; carrier: string; setup: "quoted" | "submitted"; body: Record<string, unknown>; message: RegExp }[] = [
    {
      name: "binding an admitted carrier",
      carrier: "adm-3",
      setup: "quoted",
      body: { status: "bound", sl_exemption: "export_list" },
      message: /only for binding a surplus-lines carrier; Admitted Three is not a surplus-lines carrier/,
    },
    {
      name: "a quote from the surplus-lines carrier",
      carrier: "sl-1",
      setup: "submitted",
      body: { ...QUOTE, sl_exemption: "export_list" },
      message: /^Invalid value for sl_exemption: only for binding a surplus-lines carrier \(status bound\)$/,
    },
    {
      name: "withdrawing the surplus-lines carrier",
      carrier: "sl-1",
      setup: "quoted",
      body: { status: "withdrawn", sl_exemption: "exempt_commercial_purchaser" },
      message: /sl_exemption: only for binding a surplus-lines carrier/,
    },
    {
      name: "a declination",
      carrier: "sl-1",
      setup: "submitted",
      body: { status: "declined", reason: "capacity", sl_exemption: "exempt_commercial_purchaser" },
      message: /sl_exemption: only for binding a surplus-lines carrier/,
    },
    {
      name: "an unknown exemption",
      carrier: "sl-1",
      setup: "quoted",
      body: { status: "bound", sl_exemption: "friend_of_the_broker" },
      message: /sl_exemption/,
    },
  ];
  for (const c of CASES) {
    it(`sl_exemption on ${c.name}: 400 invalid_request on sl_exemption, nothing stored`, async () => {
      const id = await plannedJob(a, 2);
      if (c.setup === "quoted") await quoted(a, id, c.carrier);
      else await step(a, id, c.carrier, { status: "submitted" });
      const before = parsed(PlanView, await getPlan(a, id));
      const err = expectError(await postEvent(a, id, c.carrier, c.body), 400, "invalid_request");
      expect(err.message).toMatch(c.message);
      expect(err.details.map((d) => d.path)).toEqual(["sl_exemption"]);
      expect(parsed(PlanView, await getPlan(a, id))).toEqual(before);
    });
  }
});
