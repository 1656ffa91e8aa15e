import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { newEvalId, newId } from "@/lib/ids";
import { compareJobs } from "@/lib/compare/load";
import { recheckChangedEvent } from "@/lib/recheck/event";
import { newWebhookId } from "@/lib/webhooks/sign";
import { onWake, wakeWorkers } from "@/lib/wake";

// The re-check runner: turns pending re-check items into jobs, never more than `maxOutstanding`
// queued or running at once across every process (a transaction-scoped advisory lock makes the
// count-then-submit step single-file), none while a job someone submitted is queued or running,
// and at most one every `gapMs` per process; and finishes items whose job is done: compare with
// the baseline, record whether the change is material, and for a material change with a webhook
// on the original evaluation, enqueue one signed "evaluation.changed" event. A new submission
// waits behind at most `maxOutstanding` re-check jobs already running, however large the re-check.
// Organizations take turns: each submission goes to the next organization (by id, wrapping round)
// after the one served last, so a book of 20,000 re-checks does not hold up another
// organization's 30 until it is through. The turn is remembered per process (`RecheckTurn`);
// with several processes the order interleaves, but nobody waits behind a whole re-check.

const LOCK_KEY = 727_275;

/** Whose turn it is: the organization served last by this process. */
export interface RecheckTurn {
  lastOrganizationId?: string;
}

/** The oldest pending item of the next organization after `after` (wrapping round), locked; null if none is pending. */
async function nextPendingItem(tx: Prisma.TransactionClient, after: string | undefined) {
  const pick = (orgAfter: string) => tx.$queryRaw<{ id: string; original_job_id: string; organization_id: string }[]>`
    SELECT id, original_job_id, organization_id FROM recheck_items
    WHERE status = 'pending' AND organization_id = (
      SELECT organization_id FROM recheck_items WHERE status = 'pending' AND organization_id > ${orgAfter} ORDER BY organization_id LIMIT 1)
    ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`;
  const [item] = after === undefined ? [] : await pick(after);
  return item ?? (await pick(""))[0] ?? null;
}

/** Submit up to (maxOutstanding - running) pending items as jobs, organizations in turn; returns how many. */
export async function submitPendingRechecks(db: PrismaClient, maxOutstanding: number, turn: RecheckTurn = {}): Promise<number> {
  const submitted = await db.$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS locked`;
    if (!locked) return 0;
    // Yield to people: no new re-check job while an evaluation someone submitted waits or runs.
    const [{ busy }] = await tx.$queryRaw<{ busy: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM jobs WHERE status IN ('queued', 'running') AND source_kind IS DISTINCT FROM 'recheck') AS busy`;
    if (busy) return 0;
    const running = await tx.recheckItem.count({ where: { status: "running" } });
    const free = maxOutstanding - running;
    if (free <= 0) return 0;
    let submitted = 0;
    for (let n = 0; n < free; n++) {
      const item = await nextPendingItem(tx, turn.lastOrganizationId);
      if (!item) break;
      turn.lastOrganizationId = item.organization_id;
      submitted++;
      const original = await tx.job.findUnique({
        where: { id: item.original_job_id },
        select: { organizationId: true, poolId: true, poolKey: true, profile: true, entity: true, pool: { select: { currentVersionId: true } } },
      });
      if (!original?.pool.currentVersionId) {
        await tx.recheckItem.update({ where: { id: item.id }, data: { status: "failed", comparedAt: new Date() } });
        continue;
      }
      const id = newEvalId();
      await tx.job.create({
        data: {
          id,
          organizationId: original.organizationId,
          poolId: original.poolId,
          poolVersionId: original.pool.currentVersionId,
          poolKey: original.poolKey,
          profile: original.profile as Prisma.InputJsonValue,
          entity: original.entity,
          sourceJobId: item.original_job_id,
          sourceKind: "recheck",
        },
      });
      await tx.recheckItem.update({ where: { id: item.id }, data: { status: "running", jobId: id } });
    }
    return submitted;
  });
  if (submitted > 0) wakeWorkers();
  return submitted;
}

/** Compare the finished re-check jobs with their baselines; returns how many items finished. */
export async function finishRechecks(db: PrismaClient, limit = 20): Promise<number> {
  const items = await db.recheckItem.findMany({
    where: { status: "running", job: { status: { in: ["completed", "failed"] } } },
    take: limit,
    select: {
      id: true,
      organizationId: true,
      originalJobId: true,
      baselineJobId: true,
      jobId: true,
      job: { select: { status: true } },
      original: { select: { webhookUrl: true } },
      recheck: { select: { trigger: true, poolVersion: true, rulesVersion: true } },
    },
  });
  let done = 0;
  for (const item of items) {
    if (item.job!.status === "failed") {
      done += await finish(db, item.id, { status: "failed", comparedAt: new Date() }, null);
      continue;
    }
    const cmp = await compareJobs(db, item.organizationId, item.baselineJobId, item.jobId!, { evidence: false });
    const material = cmp.candidates.filter((c) => c.material);
    const summary = {
      sentences: cmp.summary.sentences,
      entered: cmp.summary.entered,
      left: cmp.summary.left,
      entered_top_tier: cmp.summary.entered_top_tier,
      left_top_tier: cmp.summary.left_top_tier,
      material: material.slice(0, 50).map((c) => ({ id: c.id, name: c.name, kinds: c.kinds })),
    };
    const event =
      cmp.summary.material && item.original.webhookUrl ? { url: item.original.webhookUrl, payload: recheckChangedEvent({ item, cmp, summary }) } : null;
    done += await finish(
      db,
      item.id,
      { status: "done", material: cmp.summary.material, summary, comparedAt: new Date() },
      event && { ...event, organizationId: item.organizationId, jobId: item.jobId! },
    );
  }
  if (done > 0) wakeWorkers();
  return done;
}

/** Fenced on status = running, so two processes never finish (and notify) the same item twice. */
async function finish(
  db: PrismaClient,
  id: string,
  data: Prisma.RecheckItemUpdateManyMutationInput,
  event: { url: string; payload: object; organizationId: string; jobId: string } | null,
): Promise<number> {
  return db.$transaction(async (tx) => {
    const n = await tx.recheckItem.updateMany({ where: { id, status: "running" }, data });
    if (n.count !== 1 || !event) return n.count;
    await tx.webhookDelivery.create({
      data: {
        id: newId("dlv"),
        organizationId: event.organizationId,
        jobId: event.jobId,
        webhookId: newWebhookId(),
        url: event.url,
        event: "evaluation.changed",
        payload: event.payload as Prisma.InputJsonObject,
      },
    });
    return 1;
  });
}

export interface RecheckLoopOptions {
  maxOutstanding?: number;
  pollMs?: number;
  /** Least time between two re-check submissions of this process: CPU left for new work. */
  gapMs?: number;
  log?: (msg: string) => void;
}

/** Runs both steps whenever a worker wakes (a job finished) and every `pollMs`. */
export function startRecheckLoop(db: PrismaClient, opts: RecheckLoopOptions = {}) {
  const max = opts.maxOutstanding ?? 1;
  const pollMs = opts.pollMs ?? 1_000;
  const gapMs = opts.gapMs ?? 250;
  let lastSubmit = 0;
  const turn: RecheckTurn = {};
  const log = opts.log ?? ((m: string) => console.log(`nexio recheck: ${m}`));
  let running = true;
  let busy = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (!running) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    clearTimeout(timer);
    try {
      await finishRechecks(db);
      if (Date.now() - lastSubmit >= gapMs && (await submitPendingRechecks(db, max, turn)) > 0) lastSubmit = Date.now();
    } catch (err) {
      log(`tick failed: ${(err as Error).message}`);
    } finally {
      busy = false;
      if (running) {
        if (again) {
          again = false;
          void tick();
        } else timer = setTimeout(() => void tick(), Math.min(pollMs, gapMs));
      }
    }
  };
  // A finishing job wakes the workers; that is also when a slot frees up.
  const unsubscribe = onWake(() => void tick());
  void tick();
  return {
    async stop() {
      running = false;
      unsubscribe();
      clearTimeout(timer);
    },
  };
}
