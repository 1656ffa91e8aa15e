import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import * as planRoute from "@/app/api/v1/jobs/[evalId]/plan/route";
import * as eventsRoute from "@/app/api/v1/jobs/[evalId]/plan/[carrierId]/events/route";
import { createPrisma } from "@/lib/db/client";
import { PLAN_STATUSES, TRANSITIONS, type PlanStatus } from "@/lib/plan/machine";
import { PlanView, PlanWebhookEvent } from "@/lib/plan/schemas";
import { resetSettingsForTests } from "@/lib/settings";
import { attemptDelivery, claimDueDeliveries } from "@/lib/webhooks/deliver";
import { call, expectError, parsed } from "@/tests/api/helpers";
import { newOrg, newUser, quiesceQueues, testDb } from "@/tests/setup/db";
import { planCandidates, storedJob } from "@/tests/setup/stored-job";
import { webhookReceiver } from "@/tests/setup/receiver";

// The market plan API (issue #12) through its route handlers: building a plan from a result,
// every status transition (allowed ones recorded, others 409 with the allowed next statuses),
// append-only history with who and when, organization isolation, and the signed, retried
// plan.updated webhook.

type Org = Awaited<ReturnType<typeof newOrg>>;
// One connection on the embedded database (pglite-socket interleaves concurrent connections).
const db = process.env.NEXIO_TEST_DB === "pg" ? testDb() : createPrisma(process.env.DATABASE_URL, 1);

const CANDIDATES = planCandidates();

const completedJob = (o: Org, opts: { webhookUrl?: string; status?: "completed" | "queued" } = {}) =>
  storedJob(o.org.id, { profile: { entity: "Harbor Freight LLC", state: "CA", line: "general_liability" }, candidates: CANDIDATES, ...opts });

const getPlan = (o: Org, evalId: string, key: string | null = o.key) => call(planRoute.GET, `/api/v1/jobs/${evalId}/plan`, { key, params: { evalId } });
const putPlan = (o: Org, evalId: string, body: unknown, key: string | null = o.key) =>
  call(planRoute.PUT, `/api/v1/jobs/${evalId}/plan`, { method: "PUT", key, body, params: { evalId } });
const postEvent = (o: Org, evalId: string, carrierId: string, body: unknown, opts: { key?: string | null; headers?: Record<string, string> } = {}) =>
  call(eventsRoute.POST, `/api/v1/jobs/${evalId}/plan/${carrierId}/events`, {
    key: opts.key === undefined ? o.key : opts.key,
    headers: opts.headers,
    body,
    params: { evalId, carrierId },
  });

/** The body that moves a carrier to `to` (quotes and declinations carry their fields). */
const bodyFor = (to: PlanStatus) =>
  to === "quoted"
    ? { status: to, premium: 12500, limit: 1_000_000, retention: 10_000, expiry: "2027-01-31", note: "good terms" }
    : to === "declined"
      ? { status: to, reason: "loss_history", reason_text: "three losses in five years" }
      : { status: to };

/** The shortest path of statuses from planned to `target`. */
function pathTo(target: PlanStatus): PlanStatus[] {
  const queue: PlanStatus[][] = [["planned"]];
  while (queue.length) {
    const p = queue.shift()!;
    if (p.at(-1) === target) return p.slice(1);
    for (const n of TRANSITIONS[p.at(-1)!]) if (!p.includes(n)) queue.push([...p, n]);
  }
  throw new Error(`unreachable ${target}`);
}

let a: Org;
let b: Org;
beforeAll(async () => {
  [a, b] = await Promise.all([newOrg("plan-a"), newOrg("plan-b")]);
});

describe("PUT/GET /api/v1/jobs/{eval_id}/plan", () => {
  it("an empty plan, then carriers from the result in order with responsible and target date", async () => {
    const id = await completedJob(a);
    expect(parsed(PlanView, await getPlan(a, id))).toEqual({ eval_id: id, entries: [], diligent_search: null });
    const res = await putPlan(a, id, { entries: [{ carrier_id: "adm-2", responsible: "Dana", target_date: "2026-12-05" }, { carrier_id: "adm-1" }] });
    expect(res.status, res.text).toBe(200);
    const plan = parsed(PlanView, res);
    expect(plan.entries.map((e) => [e.carrier_id, e.carrier_name, e.market, e.order, e.responsible, e.target_date, e.status, e.allowed_next])).toEqual([
      ["adm-2", "Admitted Two", "admitted", 0, "Dana", "2026-12-05", "planned", ["submitted", "withdrawn"]],
      ["adm-1", "Admitted One", "admitted", 1, null, null, "planned", ["submitted", "withdrawn"]],
    ]);
    expect(plan.entries[0].events).toEqual([expect.objectContaining({ kind: "added", from: null, to: "planned", actor: expect.stringMatching(/^key:nx_/) })]);
    expect(parsed(PlanView, await getPlan(a, id))).toEqual(plan);
  });

  it("reordering and changing responsible are recorded as 'updated' events with before and after", async () => {
    const id = await completedJob(a);
    await putPlan(a, id, { entries: [{ carrier_id: "adm-1", responsible: "Dana" }, { carrier_id: "adm-2" }] });
    const plan = parsed(PlanView, await putPlan(a, id, { entries: [{ carrier_id: "adm-2" }, { carrier_id: "adm-1", responsible: "Lee" }] }));
    const one = plan.entries.find((e) => e.carrier_id === "adm-1")!;
    expect(plan.entries.map((e) => e.carrier_id)).toEqual(["adm-2", "adm-1"]);
    expect(one.events.map((e) => [e.kind, e.changes])).toEqual([
      ["added", null],
      ["updated", { order: [0, 1], responsible: ["Dana", "Lee"] }],
    ]);
    // The same plan again changes nothing and records nothing.
    const again = parsed(PlanView, await putPlan(a, id, { entries: [{ carrier_id: "adm-2" }, { carrier_id: "adm-1" }] }));
    expect(again.entries.find((e) => e.carrier_id === "adm-1")!.events).toHaveLength(2);
  });

  it("refuses carriers not in the result, duplicates, leaving out a planned carrier, and bad fields (400 with paths)", async () => {
    const id = await completedJob(a);
    let err = expectError(await putPlan(a, id, { entries: [{ carrier_id: "adm-1" }, { carrier_id: "nope" }] }), 400, "invalid_request");
    expect(err.details).toEqual([expect.objectContaining({ path: "entries.1.carrier_id", code: "not_in_result" })]);
    err = expectError(await putPlan(a, id, { entries: [{ carrier_id: "adm-1" }, { carrier_id: "adm-1" }] }), 400, "invalid_request");
    expect(err.details[0].path).toBe("entries");
    err = expectError(await putPlan(a, id, { entries: [{ carrier_id: "adm-1", target_date: "next week" }], extra: 1 }), 400, "invalid_request");
    expect(err.details.map((d) => d.path).sort()).toEqual(["", "entries.0.target_date"]);
    await putPlan(a, id, { entries: [{ carrier_id: "adm-1" }, { carrier_id: "adm-2" }] });
    err = expectError(await putPlan(a, id, { entries: [{ carrier_id: "adm-2" }] }), 400, "invalid_request");
    expect(err.details).toEqual([expect.objectContaining({ path: "entries", code: "entry_missing", message: expect.stringMatching(/adm-1/) })]);
    expect(parsed(PlanView, await getPlan(a, id)).entries).toHaveLength(2);
  });

  it("a job that is not completed has no result to plan from: 409", async () => {
    const id = await completedJob(a, { status: "queued" });
    const err = expectError(await putPlan(a, id, { entries: [{ carrier_id: "adm-1" }] }), 409, "conflict");
    expect(err.details).toEqual([expect.objectContaining({ code: "job_not_completed" })]);
  });
});

describe("POST /api/v1/jobs/{eval_id}/plan/{carrier_id}/events: every transition", () => {
  for (const from of PLAN_STATUSES) {
    // "planned" is only where a carrier starts (PUT); as an event it is a 400 (tested below).
    for (const to of PLAN_STATUSES.filter((s) => s !== "planned")) {
      const ok = TRANSITIONS[from].includes(to);
      it(`${from} → ${to}: ${ok ? "201, recorded" : "409 with the allowed next statuses"}`, async () => {
        const id = await completedJob(a);
        await putPlan(a, id, { entries: [{ carrier_id: "adm-1" }] });
        for (const step of pathTo(from)) expect((await postEvent(a, id, "adm-1", bodyFor(step))).status).toBe(201);
        const before = parsed(PlanView, await getPlan(a, id)).entries[0];
        const res = await postEvent(a, id, "adm-1", bodyFor(to));
        if (ok) {
          expect(res.status, res.text).toBe(201);
          const entry = parsed(PlanView, res).entries[0];
          expect(entry.status).toBe(to);
          expect(entry.allowed_next).toEqual([...TRANSITIONS[to]]);
          expect(entry.events.slice(0, -1)).toEqual(before.events); // history kept, nothing overwritten
          expect(entry.events.at(-1)).toMatchObject({ kind: "status", from, to });
        } else {
          const err = expectError(res, 409, "conflict");
          expect(err.details.map((d) => d.message)).toEqual(TRANSITIONS[from].length ? [...TRANSITIONS[from]] : [`${from} is final; no further status`]);
          expect(parsed(PlanView, await getPlan(a, id)).entries[0]).toEqual(before);
        }
      });
    }
  }
});

describe("events: fields, history, who and when", () => {
  it("a quote and a declination keep their fields; the actor is the API key prefix or the user", async () => {
    const id = await completedJob(a);
    await putPlan(a, id, { entries: [{ carrier_id: "adm-1" }, { carrier_id: "adm-2" }] });
    const { email, password } = await newUser(a.org.id);
    const { auth } = await import("@/lib/auth/auth");
    const signIn = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const sessionHeaders = { cookie, origin: "http://localhost:3000" };
    for (const s of ["submitted", "quoted"] as const) expect((await postEvent(a, id, "adm-1", bodyFor(s))).status).toBe(201);
    expect((await postEvent(a, id, "adm-2", bodyFor("submitted"), { key: null, headers: sessionHeaders })).status).toBe(201);
    const res = await postEvent(a, id, "adm-2", bodyFor("declined"), { key: null, headers: sessionHeaders });
    expect(res.status, res.text).toBe(201);
    const plan = parsed(PlanView, res);
    const [one, two] = plan.entries;
    expect(one.events.at(-1)).toMatchObject({
      to: "quoted",
      quote: { premium: 12500, limit: 1_000_000, retention: 10_000, expiry: "2027-01-31" },
      note: "good terms",
      declination: null,
    });
    expect(one.events.at(-1)!.actor).toMatch(/^key:nx_/);
    expect(two.events.at(-1)).toMatchObject({
      to: "declined",
      declination: { reason: "loss_history", text: "three losses in five years" },
      quote: null,
      actor: `user:${email}`,
    });
    const times = two.events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(await db.planEvent.count({ where: { jobId: id } })).toBe(6);
  });

  it("a quote without premium, an unknown decline reason, or a quote field on another status: 400", async () => {
    const id = await completedJob(a);
    await putPlan(a, id, { entries: [{ carrier_id: "adm-1" }] });
    await postEvent(a, id, "adm-1", bodyFor("submitted"));
    expect(expectError(await postEvent(a, id, "adm-1", { status: "quoted" }), 400, "invalid_request").details[0].path).toBe("premium");
    expect(expectError(await postEvent(a, id, "adm-1", { status: "declined", reason: "too_ugly" }), 400, "invalid_request").details[0].path).toBe("reason");
    expectError(await postEvent(a, id, "adm-1", { status: "no_response", premium: 5 }), 400, "invalid_request");
    expectError(await postEvent(a, id, "adm-1", { status: "planned" }), 400, "invalid_request");
    expect(parsed(PlanView, await getPlan(a, id)).entries[0].status).toBe("submitted");
  });

  it("every declination reason a desk records is accepted, incomplete submission among them (DOMAIN's list)", async () => {
    const id = await completedJob(a);
    await putPlan(a, id, { entries: [{ carrier_id: "adm-1" }] });
    await postEvent(a, id, "adm-1", bodyFor("submitted"));
    const res = await postEvent(a, id, "adm-1", { status: "declined", reason: "incomplete_submission", reason_text: "no loss runs" });
    expect(res.status, res.text).toBe(201);
    expect(parsed(PlanView, res).entries[0].events.at(-1)!.declination).toEqual({ reason: "incomplete_submission", text: "no loss runs" });
  });

  it("a carrier not in the plan is 404", async () => {
    const id = await completedJob(a);
    expectError(await postEvent(a, id, "adm-3", bodyFor("submitted")), 404, "not_found");
  });
});

describe("isolation", () => {
  it("another organization's job is 404 for GET, PUT and events, and nothing changes", async () => {
    const id = await completedJob(a);
    await putPlan(a, id, { entries: [{ carrier_id: "adm-1" }] });
    expectError(await getPlan(b, id), 404, "not_found");
    expectError(await putPlan(b, id, { entries: [{ carrier_id: "adm-1" }, { carrier_id: "adm-2" }] }), 404, "not_found");
    expectError(await postEvent(b, id, "adm-1", bodyFor("submitted")), 404, "not_found");
    const plan = parsed(PlanView, await getPlan(a, id));
    expect(plan.entries.map((e) => [e.carrier_id, e.status, e.events.length])).toEqual([["adm-1", "planned", 1]]);
    expectError(await getPlan(a, id, null), 401, "unauthorized");
  });
});

describe("diligent search", () => {
  it("a surplus-lines carrier is cleared once the state's admitted declinations are recorded", async () => {
    const id = await completedJob(a);
    let plan = parsed(PlanView, await putPlan(a, id, { entries: ["adm-1", "adm-2", "adm-3", "sl-1"].map((carrier_id) => ({ carrier_id })) }));
    // The requirement is the one the result recorded on the SL candidate (2 here, not the table's 3).
    const required = 2;
    expect(plan.diligent_search).toEqual({ state: "CA", required, recorded: 0, cleared: false, exemptions: [] });
    expect(plan.entries.find((e) => e.carrier_id === "sl-1")!.sl_cleared).toBe(false);
    expect(plan.entries.find((e) => e.carrier_id === "adm-1")!.sl_cleared).toBeNull();
    const admitted = ["adm-1", "adm-2", "adm-3"].slice(0, required);
    for (const [i, c] of admitted.entries()) {
      await postEvent(a, id, c, bodyFor("submitted"));
      plan = parsed(PlanView, await postEvent(a, id, c, bodyFor("declined")));
      expect(plan.diligent_search).toMatchObject({ recorded: i + 1, cleared: i + 1 >= required });
    }
    // A surplus-lines declination does not count toward the admitted search.
    expect(plan.entries.find((e) => e.carrier_id === "sl-1")!.sl_cleared).toBe(true);
  });
});

describe("plan.updated webhook", () => {
  const replies: number[] = [];
  const receiver = webhookReceiver(() => (res) => res.writeHead(replies.shift() ?? 200).end("ok"));
  beforeAll(async () => {
    await quiesceQueues();
    await receiver.start();
    Object.assign(process.env, { WEBHOOK_ALLOW_PRIVATE: "1", WEBHOOK_RETRY_SCHEDULE: "0,0,0" });
    resetSettingsForTests();
  });
  beforeEach(() => receiver.reset());
  afterAll(async () => {
    await receiver.stop();
    if (db !== testDb()) await db.$disconnect();
  });

  it("each added carrier and status change enqueues a signed delivery; a failed attempt is retried with the same id and body", async () => {
    const id = await completedJob(a, { webhookUrl: `${receiver.base}/plan` });
    const none = await completedJob(a);
    await putPlan(a, none, { entries: [{ carrier_id: "adm-1" }] }); // no webhook_url: nothing enqueued
    await putPlan(a, id, { entries: [{ carrier_id: "adm-1" }] });
    await postEvent(a, id, "adm-1", bodyFor("submitted"));
    await postEvent(a, id, "adm-1", bodyFor("quoted"));
    expect(await db.webhookDelivery.count({ where: { jobId: none } })).toBe(0);
    const rows = await db.webhookDelivery.findMany({ where: { jobId: id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.event, (r.payload as { status: string }).status])).toEqual([
      ["plan.updated", "planned"],
      ["plan.updated", "submitted"],
      ["plan.updated", "quoted"],
    ]);

    replies.push(500);
    const owner = "plan-test";
    for (let round = 0; round < 2; round++) {
      await db.webhookDelivery.updateMany({ where: { jobId: id, status: "pending" }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
      const claimed = (await claimDueDeliveries(db, owner, 10, 30_000)).filter((d) => d.jobId === id);
      for (const d of claimed) await attemptDelivery(db, d, owner);
    }
    const after = await db.webhookDelivery.findMany({ where: { jobId: id }, orderBy: { createdAt: "asc" } });
    expect(after.map((r) => r.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(after.map((r) => r.attempts).sort()).toEqual([1, 1, 2]);
    expect(receiver.hits).toHaveLength(4);

    const secret = (await db.organization.findUniqueOrThrow({ where: { id: a.org.id } })).webhookSecret!;
    const bodies = receiver.hits.map((h) => PlanWebhookEvent.parse(new Webhook(secret).verify(h.body, h.headers)));
    const quoted = bodies.find((x) => x.status === "quoted")!;
    expect(quoted).toMatchObject({
      type: "plan.updated",
      eval_id: id,
      carrier_id: "adm-1",
      event: { from: "submitted", to: "quoted", quote: { premium: 12500 } },
    });
    const ids = receiver.hits.map((h) => h.headers["webhook-id"]);
    const retried = receiver.hits.filter((h) => ids.filter((x) => x === h.headers["webhook-id"]).length === 2);
    expect(retried).toHaveLength(2);
    expect(retried[0].body).toBe(retried[1].body);
  });
});
