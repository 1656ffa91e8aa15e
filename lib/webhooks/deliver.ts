import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { EvaluationResult } from "@/lib/engine/types";
import { newId } from "@/lib/ids";
import { gunzipJson } from "@/lib/jobs/result-codec";
import { jobWebhookBody } from "@/lib/jobs/webhook-body";
import { batchCompletedEvent, batchEventSelect } from "@/lib/batches/webhook-body";
import { settings } from "@/lib/settings";
import { NEXIO_VERSION } from "@/lib/version";
import { signingSecrets } from "@/lib/webhooks/org-secret";
import { sendWebhook, type SendWebhookResult } from "@/lib/webhooks/send";
import { webhookHeaders } from "@/lib/webhooks/sign";

// The delivery queue is the webhook_deliveries table: claim due rows under a lease (FOR UPDATE
// SKIP LOCKED, so any number of processes can share it), attempt one POST, then record the
// attempt and the next state in one transaction fenced on the lease.
//
// Delivery is at-least-once. A process that dies after the receiver got the request but before
// the attempt is recorded leaves the row `pending` with its lease; once the lease expires another
// process claims it and sends it again, with the same webhook-id and the same body, so receivers
// deduplicate on webhook-id (or eval_id). Nothing is lost; something may arrive twice.
//
// Timestamps are `timestamp without time zone` holding UTC (Prisma writes them so), hence
// `now() AT TIME ZONE 'UTC'` rather than a bare now(), which would shift with the session's zone.

export interface ClaimedDelivery {
  id: string;
  organizationId: string;
  /** The finished job this delivery carries, or null for a batch's batch.completed event. */
  jobId: string | null;
  batchId: string | null;
  webhookId: string;
  url: string;
  /** Attempts recorded before this claim; this attempt is number `attempts + 1`. */
  attempts: number;
  leaseOwner: string;
  /** The body of an event other than the job's own result (e.g. a re-check's "evaluation.changed"); null for the result. */
  payload: unknown;
}

/** The longest a receiver's Retry-After may push an attempt back. */
export const MAX_RETRY_AFTER_SECONDS = 24 * 3600;
const JITTER = 0.1;

/**
 * Leases due deliveries to `owner` for `leaseMs`; rows leased by a live owner are skipped.
 *
 * Fair between organizations: each organization may have at most `perOrg.cap` attempts in flight
 * in this loop (`perOrg.inFlight` counts those it already has), and the rows are taken round-robin
 * (every organization's oldest due row first, then every organization's second, …). So one
 * organization whose receiver accepts connections and never answers holds at most `cap` slots,
 * and the others' deliveries go out in the remaining ones instead of queueing behind it.
 */
export async function claimDueDeliveries(
  db: PrismaClient,
  owner: string,
  limit: number,
  leaseMs: number,
  perOrg: { cap: number; inFlight?: ReadonlyMap<string, number> } = { cap: limit },
): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const used = JSON.stringify(Object.fromEntries(perOrg.inFlight ?? []));
  return db.$queryRaw<ClaimedDelivery[]>`
    UPDATE webhook_deliveries
       SET lease_owner = ${owner},
           lease_expires_at = (now() AT TIME ZONE 'UTC') + ${leaseMs}::float8 * interval '1 millisecond'
     WHERE id IN (
       SELECT d.id
         FROM webhook_deliveries d
         JOIN (SELECT id, organization_id,
                      row_number() OVER (PARTITION BY organization_id ORDER BY next_attempt_at, id) AS turn
                 FROM webhook_deliveries
                WHERE status = 'pending'
                  AND next_attempt_at <= (now() AT TIME ZONE 'UTC')
                  AND (lease_expires_at IS NULL OR lease_expires_at < (now() AT TIME ZONE 'UTC'))) due ON due.id = d.id
        WHERE due.turn <= ${perOrg.cap}::int - COALESCE((${used}::jsonb ->> due.organization_id)::int, 0)
        ORDER BY due.turn, d.next_attempt_at
        LIMIT ${limit}
        FOR UPDATE OF d SKIP LOCKED)
    RETURNING id, organization_id AS "organizationId", job_id AS "jobId", batch_id AS "batchId", message_id AS "webhookId",
              url, attempts, lease_owner AS "leaseOwner", payload`;
}

export type AttemptOutcome = "succeeded" | "retry" | "failed" | "stale";

export interface AttemptReport {
  outcome: AttemptOutcome;
  attemptNo: number;
  statusCode: number | null;
  error: string | null;
  /** When outcome is "retry": the earliest time of the next attempt. */
  nextAttemptAt: Date | null;
}

/**
 * One attempt of a claimed delivery: build the body from the stored job, sign it, POST it, record
 * it. "stale" means the lease was lost to another owner meanwhile: that owner's attempt counts,
 * this one is not recorded (the receiver may still have got it: at-least-once).
 */
export async function attemptDelivery(db: PrismaClient, delivery: ClaimedDelivery, owner: string): Promise<AttemptReport> {
  const s = settings();
  const attemptNo = delivery.attempts + 1;
  const startedAt = new Date();
  const result = await send(db, delivery, startedAt, { timeoutMs: s.WEBHOOK_TIMEOUT_MS, allowPrivate: s.WEBHOOK_ALLOW_PRIVATE });
  const next = nextState(result, attemptNo, s.WEBHOOK_RETRY_SCHEDULE);

  // One statement, so the attempt row and the delivery's next state commit together. The fence:
  // our lease, and no attempt recorded since we claimed (a duplicate claim of the same row, even
  // by this owner, cannot record twice). A stale owner's update matches no row and inserts nothing.
  const recorded = await db.$queryRaw<{ nextAttemptAt: Date }[]>`
    WITH d AS (
      UPDATE webhook_deliveries
         SET status = ${next.status}::delivery_status,
             attempts = ${attemptNo}::int,
             next_attempt_at = CASE WHEN ${next.delayMs}::float8 IS NULL THEN next_attempt_at
                                    ELSE (now() AT TIME ZONE 'UTC') + ${next.delayMs}::float8 * interval '1 millisecond' END,
             last_error = ${next.lastError}::text,
             lease_owner = NULL,
             lease_expires_at = NULL,
             updated_at = (now() AT TIME ZONE 'UTC')
       WHERE id = ${delivery.id} AND lease_owner = ${owner} AND attempts = ${delivery.attempts} AND status = 'pending'
      RETURNING id, next_attempt_at)
    INSERT INTO webhook_attempts (id, delivery_id, attempt_no, started_at, status_code, latency_ms, response_excerpt, error)
    SELECT ${newId("att")}::text, d.id, ${attemptNo}::int, ${startedAt.toISOString()}::timestamptz AT TIME ZONE 'UTC',
           ${result.statusCode}::int, ${result.latencyMs}::int, ${result.responseExcerpt}::text, ${result.error}::text
      FROM d
    RETURNING (SELECT next_attempt_at FROM d) AS "nextAttemptAt"`;

  if (recorded.length === 0) return { outcome: "stale", attemptNo, statusCode: result.statusCode, error: result.error, nextAttemptAt: null };
  const outcome: AttemptOutcome = next.status === "pending" ? "retry" : next.status;
  return { outcome, attemptNo, statusCode: result.statusCode, error: result.error, nextAttemptAt: outcome === "retry" ? recorded[0].nextAttemptAt : null };
}

async function send(db: PrismaClient, delivery: ClaimedDelivery, now: Date, opts: { timeoutMs: number; allowPrivate: boolean }): Promise<SendWebhookResult> {
  const signed = delivery.jobId === null ? await batchBody(db, delivery) : await jobBody(db, delivery.jobId, delivery.payload);
  if ("error" in signed) return localFailure(signed.error);
  const secrets = signingSecrets(signed.organization, now);
  if (secrets.length === 0) return localFailure("the organization has no webhook signing secret");
  const { body } = signed;
  const headers = webhookHeaders({
    secrets,
    webhookId: delivery.webhookId,
    timestamp: Math.floor(now.getTime() / 1000),
    body,
    version: NEXIO_VERSION,
  });
  return sendWebhook({ url: delivery.url, body, headers, ...opts });
}

const secretsSelect = { webhookSecret: true, webhookSecretPrevious: true, webhookSecretRotatedAt: true } as const;
type Signed = { body: string; organization: Parameters<typeof signingSecrets>[0] } | { error: string };

/** The batch.completed event of a finished batch (lib/batches/webhook-body.ts). */
async function batchBody(db: PrismaClient, delivery: ClaimedDelivery): Promise<Signed> {
  const batch = delivery.batchId
    ? await db.batch.findUnique({ where: { id: delivery.batchId }, select: { ...batchEventSelect, organization: { select: secretsSelect } } })
    : null;
  if (!batch) return { error: "batch not found" };
  if (!batch.completedAt) return { error: "batch is not completed" };
  return { body: JSON.stringify(batchCompletedEvent(batch)), organization: batch.organization };
}

async function jobBody(db: PrismaClient, jobId: string, payload: unknown): Promise<Signed> {
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: {
      id: true,
      status: true,
      errorCode: true,
      errorMessage: true,
      livemode: true,
      result: { select: { result: true } },
      organization: { select: secretsSelect },
    },
  });
  // Deleting a job cascades to its deliveries, so a missing job is a race with that deletion.
  if (!job) return { error: "job not found" };
  // A delivery is only enqueued for a finished job; anything else is a broken row, not a body to sign.
  if (job.status !== "completed" && job.status !== "failed") return { error: `job is ${job.status}` };
  if (job.status === "completed" && !job.result) return { error: "the job's result is missing" };
  // Another event about this job (e.g. evaluation.changed from a re-check) carries its own body.
  if (payload != null) return { body: JSON.stringify(payload), organization: job.organization };
  const result = job.result && job.status === "completed" ? gunzipJson<EvaluationResult>(job.result.result) : null;
  return { body: JSON.stringify(jobWebhookBody(job, result)), organization: job.organization };
}

function localFailure(error: string): SendWebhookResult {
  return { ok: false, statusCode: null, latencyMs: 0, responseExcerpt: "", error, retryAfterSeconds: null, gone: false };
}

export interface NextState {
  status: "succeeded" | "pending" | "failed";
  /** Delay before the next attempt (pending only). */
  delayMs: number | null;
  lastError: string | null;
}

/**
 * What follows attempt number `attemptNo`: 2xx → succeeded; 410 → failed for good; otherwise the
 * next entry of the schedule (entry i is the delay before attempt i + 1) with ±10 % jitter, pushed
 * back to the receiver's Retry-After when that is longer (at most 24 h); no entry left → failed.
 */
export function nextState(result: SendWebhookResult, attemptNo: number, schedule: number[], random: () => number = Math.random): NextState {
  if (result.ok) return { status: "succeeded", delayMs: null, lastError: null };
  const error = result.error ?? `HTTP ${result.statusCode}`;
  if (result.gone) return { status: "failed", delayMs: null, lastError: `${error}: the receiver says the endpoint is gone; no further attempts` };
  if (attemptNo >= schedule.length) return { status: "failed", delayMs: null, lastError: `${error} (gave up after ${attemptNo} attempts)` };
  const base = schedule[attemptNo] * 1000;
  let delayMs = Math.max(0, base * (1 + JITTER * (2 * random() - 1)));
  if (result.retryAfterSeconds !== null) delayMs = Math.max(delayMs, Math.min(result.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000);
  return { status: "pending", delayMs: Math.round(delayMs), lastError: error };
}
