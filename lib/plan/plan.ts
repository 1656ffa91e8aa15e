import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { EvaluationResult } from "@/lib/engine/types";
import { ConflictError, InvalidTransitionError, invalid, notFound, type ErrorDetail } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { gunzipJson } from "@/lib/jobs/result-codec";
import { allowedNext, canTransition, type PlanStatus } from "@/lib/plan/machine";
import type { DiligentSearchView, PlanEntryView, PlanEventBody, PlanEventView, PlanView, PlanWebhookEvent, PutPlanBody } from "@/lib/plan/schemas";
import { checkSurplusLinesBind, planDiligentSearch } from "@/lib/plan/sl";
import { enqueueEventDelivery } from "@/lib/webhooks/enqueue";
import { wakeWorkers } from "@/lib/wake";

// The market plan of one evaluation (issue #12). Every query names the organization: another
// organization's job is "not found". Entries hold the current status; plan_events is the
// append-only history (who, when, from → to, quote, declination). A job with a webhook_url gets a
// signed "plan.updated" delivery per added carrier and per status change, in the same transaction.

export interface Actor {
  organizationId: string;
  userId?: string;
  apiKeyId?: string;
}

export const PLAN_EVENT_TYPE = "plan.updated";

const eventSelect = {
  id: true,
  kind: true,
  actor: true,
  createdAt: true,
  fromStatus: true,
  toStatus: true,
  premium: true,
  limitAmount: true,
  retention: true,
  quoteExpiry: true,
  declineReason: true,
  declineText: true,
  note: true,
  changes: true,
  slExemption: true,
} satisfies Prisma.PlanEventSelect;
type EventRow = Prisma.PlanEventGetPayload<{ select: typeof eventSelect }>;

function eventView(e: EventRow): PlanEventView {
  return {
    id: e.id,
    kind: e.kind as PlanEventView["kind"],
    actor: e.actor,
    at: e.createdAt.toISOString(),
    from: e.fromStatus,
    to: e.toStatus,
    quote: e.premium !== null ? { premium: e.premium, limit: e.limitAmount, retention: e.retention, expiry: e.quoteExpiry } : null,
    declination: e.declineReason ? { reason: e.declineReason as NonNullable<PlanEventView["declination"]>["reason"], text: e.declineText } : null,
    note: e.note,
    sl_exemption: (e.slExemption as PlanEventView["sl_exemption"]) ?? null,
    changes: (e.changes as PlanEventView["changes"]) ?? null,
  };
}

async function findJob(db: PrismaClient | Prisma.TransactionClient, organizationId: string, evalId: string) {
  const job = await db.job.findFirst({
    where: { id: evalId, organizationId },
    select: { id: true, organizationId: true, status: true, webhookUrl: true, profile: true },
  });
  if (!job) throw notFound("Job");
  return job;
}

async function actorLabel(db: PrismaClient, a: Actor): Promise<string> {
  if (a.apiKeyId) {
    const key = await db.apiKey.findFirst({ where: { id: a.apiKeyId, organizationId: a.organizationId }, select: { prefix: true } });
    return `key:${key?.prefix ?? a.apiKeyId}`;
  }
  if (a.userId) {
    const user = await db.user.findUnique({ where: { id: a.userId }, select: { email: true } });
    return `user:${user?.email ?? a.userId}`;
  }
  return "system";
}

export async function getPlan(db: PrismaClient, organizationId: string, evalId: string): Promise<PlanView> {
  const job = await findJob(db, organizationId, evalId);
  const rows = await db.planEntry.findMany({
    where: { organizationId, jobId: job.id },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      carrierId: true,
      carrierName: true,
      market: true,
      slDeclinationsRequired: true,
      position: true,
      responsible: true,
      targetDate: true,
      status: true,
      recommended: true,
      updatedAt: true,
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: eventSelect },
    },
  });
  const tally = planDiligentSearch(rows, job.profile);
  const ds: DiligentSearchView | null = tally && {
    ...tally,
    exemptions: rows.flatMap((r) => {
      const bind = r.market === "surplus_lines" ? r.events.find((e) => e.toStatus === "bound" && e.slExemption) : undefined;
      return bind
        ? [
            {
              carrier_id: r.carrierId,
              carrier_name: r.carrierName,
              exemption: eventView(bind).sl_exemption!,
              at: bind.createdAt.toISOString(),
              actor: bind.actor,
            },
          ]
        : [];
    }),
  };
  const entries: PlanEntryView[] = rows.map((r) => ({
    carrier_id: r.carrierId,
    carrier_name: r.carrierName,
    market: r.market === "admitted" || r.market === "surplus_lines" ? r.market : null,
    order: r.position,
    responsible: r.responsible,
    target_date: r.targetDate,
    status: r.status,
    allowed_next: [...allowedNext(r.status)],
    sl_cleared: r.market === "surplus_lines" ? (ds?.cleared ?? false) : null,
    recommended: r.recommended,
    updated_at: r.updatedAt.toISOString(),
    events: r.events.map(eventView),
  }));
  return { eval_id: job.id, entries, diligent_search: ds };
}

/** The candidates of a completed job's result, by id (a plan is built from the result). */
async function resultCandidates(db: PrismaClient, job: { id: string; status: string }) {
  if (job.status !== "completed") {
    throw new ConflictError(`Job ${job.id} is ${job.status}; a market plan is built from a completed job's result`, [
      { path: "eval_id", code: "job_not_completed", message: `status is ${job.status}` },
    ]);
  }
  const res = await db.jobResult.findUnique({ where: { jobId: job.id }, select: { result: true } });
  const body = res ? gunzipJson<EvaluationResult>(res.result) : { candidates: [] };
  return new Map(
    body.candidates.map((c) => {
      const extra = c as { market?: string; surplus_lines?: { declinations_required?: number } };
      return [c.id, { name: c.name, market: extra.market ?? null, slRequired: extra.surplus_lines?.declinations_required ?? null }];
    }),
  );
}

function webhookBody(evalId: string, carrierId: string, ev: EventRow): PlanWebhookEvent {
  return { type: PLAN_EVENT_TYPE, eval_id: evalId, carrier_id: carrierId, status: ev.toStatus, event: eventView(ev) };
}

/**
 * Sets the plan: its carriers in order, with who is responsible and the target date. New carriers
 * start `planned`; a carrier already in the plan must stay listed (its history stays; withdraw it
 * with an event). Changes to order, responsible or target date are recorded as "updated" events.
 */
export async function putPlan(db: PrismaClient, actor: Actor, evalId: string, body: PutPlanBody): Promise<PlanView> {
  const job = await findJob(db, actor.organizationId, evalId);
  const candidates = await resultCandidates(db, job);
  const details: ErrorDetail[] = [];
  body.entries.forEach((e, i) => {
    if (!candidates.has(e.carrier_id))
      details.push({ path: `entries.${i}.carrier_id`, code: "not_in_result", message: `${e.carrier_id} is not a candidate in this job's result` });
  });
  const existing = await db.planEntry.findMany({ where: { organizationId: actor.organizationId, jobId: job.id } });
  const listed = new Set(body.entries.map((e) => e.carrier_id));
  for (const e of existing) {
    if (!listed.has(e.carrierId))
      details.push({ path: "entries", code: "entry_missing", message: `${e.carrierId} is in the plan; keep it listed (withdraw it with an event instead)` });
  }
  if (body.recommended) {
    const rec = existing.find((e) => e.carrierId === body.recommended);
    if (!rec || !listed.has(rec.carrierId) || (rec.status !== "quoted" && rec.status !== "bound")) {
      details.push({ path: "recommended", code: "not_quoted", message: `${body.recommended} is not a quoted or bound carrier of this plan` });
    }
  }
  if (details.length) throw invalid(details[0].message, details);

  const who = await actorLabel(db, actor);
  const byCarrier = new Map(existing.map((e) => [e.carrierId, e]));
  let enqueued = false;
  await db.$transaction(async (tx) => {
    for (const [position, e] of body.entries.entries()) {
      const prev = byCarrier.get(e.carrier_id);
      const responsible = e.responsible === undefined ? (prev?.responsible ?? null) : e.responsible;
      const targetDate = e.target_date === undefined ? (prev?.targetDate ?? null) : e.target_date;
      if (!prev) {
        const c = candidates.get(e.carrier_id)!;
        const entryId = newId("ple");
        await tx.planEntry.create({
          data: {
            id: entryId,
            organizationId: actor.organizationId,
            jobId: job.id,
            carrierId: e.carrier_id,
            carrierName: c.name,
            market: c.market,
            slDeclinationsRequired: c.slRequired,
            position,
            responsible,
            targetDate,
          },
        });
        const ev = await tx.planEvent.create({
          data: {
            id: newId("pev"),
            organizationId: actor.organizationId,
            entryId,
            jobId: job.id,
            carrierId: e.carrier_id,
            kind: "added",
            actor: who,
            fromStatus: null,
            toStatus: "planned",
          },
          select: eventSelect,
        });
        enqueued = !!(await enqueueEventDelivery(tx, job, PLAN_EVENT_TYPE, webhookBody(job.id, e.carrier_id, ev))) || enqueued;
        continue;
      }
      const changes: Record<string, [string | number | boolean | null, string | number | boolean | null]> = {};
      if (prev.position !== position) changes.order = [prev.position, position];
      if (prev.responsible !== responsible) changes.responsible = [prev.responsible, responsible];
      if (prev.targetDate !== targetDate) changes.target_date = [prev.targetDate, targetDate];
      const recommended = body.recommended === undefined ? prev.recommended : body.recommended === prev.carrierId;
      if (prev.recommended !== recommended) changes.recommended = [prev.recommended, recommended];
      if (Object.keys(changes).length === 0) continue;
      await tx.planEntry.update({ where: { id: prev.id }, data: { position, responsible, targetDate, recommended } });
      await tx.planEvent.create({
        data: {
          id: newId("pev"),
          organizationId: actor.organizationId,
          entryId: prev.id,
          jobId: job.id,
          carrierId: prev.carrierId,
          kind: "updated",
          actor: who,
          fromStatus: prev.status,
          toStatus: prev.status,
          changes,
        },
      });
    }
  });
  if (enqueued) wakeWorkers();
  return getPlan(db, actor.organizationId, job.id);
}

/**
 * Records a status change of one planned carrier. The move must be allowed from the current
 * status (lib/plan/machine.ts), else 409 with the allowed next statuses; a concurrent change
 * between read and write is caught by the status fence and answered the same way. A
 * surplus-lines carrier is bound only once the diligent search is met or with an `sl_exemption`
 * (lib/plan/sl.ts), which the bind event records.
 */
export async function recordPlanEvent(db: PrismaClient, actor: Actor, evalId: string, carrierId: string, body: PlanEventBody): Promise<PlanView> {
  const job = await findJob(db, actor.organizationId, evalId);
  const rows = await db.planEntry.findMany({
    where: { organizationId: actor.organizationId, jobId: job.id },
    select: { id: true, carrierId: true, carrierName: true, market: true, status: true, slDeclinationsRequired: true },
  });
  const entry = rows.find((r) => r.carrierId === carrierId);
  if (!entry) throw notFound("Plan entry");
  const to = body.status as PlanStatus;
  const exemption = body.status === "bound" ? body.sl_exemption : undefined;
  // In the order a caller fixes them: sl_exemption where it does not belong (400), the move (409),
  // then the diligent search (409).
  checkSurplusLinesBind(entry, to, exemption, null);
  if (!canTransition(entry.status, to)) throw new InvalidTransitionError(entry.status, to, allowedNext(entry.status));
  // Checked before the write: an admitted declination is final, so the count can only grow.
  checkSurplusLinesBind(entry, to, exemption, planDiligentSearch(rows, job.profile));
  const who = await actorLabel(db, actor);

  let delivered = false;
  await db.$transaction(async (tx) => {
    const { count } = await tx.planEntry.updateMany({ where: { id: entry.id, status: entry.status }, data: { status: to } });
    if (count === 0) {
      const now = await tx.planEntry.findUniqueOrThrow({ where: { id: entry.id }, select: { status: true } });
      throw new InvalidTransitionError(now.status, to, allowedNext(now.status));
    }
    const ev = await tx.planEvent.create({
      data: {
        id: newId("pev"),
        organizationId: actor.organizationId,
        entryId: entry.id,
        jobId: job.id,
        carrierId,
        kind: "status",
        actor: who,
        fromStatus: entry.status,
        toStatus: to,
        note: body.note ?? null,
        slExemption: exemption ?? null,
        ...(body.status === "quoted"
          ? { premium: body.premium, limitAmount: body.limit ?? null, retention: body.retention ?? null, quoteExpiry: body.expiry ?? null }
          : {}),
        ...(body.status === "declined" ? { declineReason: body.reason, declineText: body.reason_text ?? null } : {}),
      },
      select: eventSelect,
    });
    delivered = !!(await enqueueEventDelivery(tx, job, PLAN_EVENT_TYPE, webhookBody(job.id, carrierId, ev)));
  });
  if (delivered) wakeWorkers();
  return getPlan(db, actor.organizationId, job.id);
}
