import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueDelivery, newDeliveryIds } from "@/lib/webhooks/enqueue";
import { gzipJson } from "@/lib/jobs/result-codec";
import { countBatchRows } from "@/lib/batches/complete";
import type { JobToEvaluate } from "@/lib/wake";

// The job queue is the jobs table. Claims use FOR UPDATE SKIP LOCKED (the same SQL on PGlite and
// PostgreSQL); a claim is a lease that the worker renews; every write after the claim is fenced
// on (lease_owner, unexpired lease), so a worker that lost its lease cannot write a result.

export interface ClaimedJob extends JobToEvaluate {
  attempts: number;
  /** The batch this job is a row of, if any. */
  batchId: string | null;
  priority: number;
  /**
   * The organization's scoring rule set in force for the pool's domain when the job was claimed
   * (null: the defaults), read by the claim itself so that evaluating needs no query for it
   * (versions are immutable and cached by id). Undefined when the caller did not look it up.
   */
  rulesSetId?: string | null;
}

/**
 * Claim order. Lower runs first: a person waiting on one evaluation goes before a batch row, and a
 * batch row before background work (re-checks). Stored per job (`jobs.priority`).
 */
export const JOB_PRIORITY = { interactive: 0, batch: 5, background: 9 } as const;
export type JobPriority = (typeof JOB_PRIORITY)[keyof typeof JOB_PRIORITY];

/**
 * Lease up to `limit` due jobs to `owner`. Fair between organizations: the organizations with
 * queued work are found by a skip scan of the (status, organization_id, …) index, each one
 * offers its own first `limit` jobs (priority, then due time), and the claim takes them round
 * robin within each priority: all interactive jobs before any batch row, and one organization's
 * 10,000-row batch does not hold another's 20 rows behind it. Jobs whose lease expired (their
 * worker died) come first. Locks on rows offered but not taken end with the statement.
 */
export async function claimJobs(db: PrismaClient, owner: string, limit: number, leaseMs: number, opts: { maxPriority?: number } = {}): Promise<ClaimedJob[]> {
  if (limit <= 0) return [];
  const maxPriority = opts.maxPriority ?? 32_767;
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>`
    WITH RECURSIVE orgs(org) AS (
      (SELECT organization_id FROM jobs WHERE status = 'queued' ORDER BY organization_id LIMIT 1)
      UNION ALL
      SELECT (SELECT j.organization_id FROM jobs j WHERE j.status = 'queued' AND j.organization_id > orgs.org ORDER BY j.organization_id LIMIT 1)
      FROM orgs WHERE orgs.org IS NOT NULL
    ),
    offered AS (
      SELECT o.id, o.priority, row_number() OVER (PARTITION BY o.organization_id ORDER BY o.priority, o.run_after, o.created_at) AS turn, o.run_after
      FROM orgs CROSS JOIN LATERAL (
        SELECT j.id, j.organization_id, j.priority, j.run_after, j.created_at FROM jobs j
        WHERE j.status = 'queued' AND j.organization_id = orgs.org AND j.run_after <= now() AND j.priority <= ${maxPriority}
        ORDER BY j.priority, j.run_after, j.created_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED) o
      WHERE orgs.org IS NOT NULL
    ),
    expired AS (
      SELECT id FROM jobs
      WHERE status = 'running' AND lease_expires_at < now() AND attempts < max_attempts AND priority <= ${maxPriority}
      ORDER BY lease_expires_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ),
    picked AS (
      SELECT id FROM (
        SELECT id, -1 AS priority, 0::bigint AS turn, now() AS run_after FROM expired
        UNION ALL
        SELECT id, priority, turn, run_after FROM offered) c
      ORDER BY priority, turn, run_after
      LIMIT ${limit}
    )
    UPDATE jobs SET
      status = 'running',
      lease_owner = ${owner},
      lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000}),
      attempts = attempts + 1,
      started_at = COALESCE(started_at, now())
    FROM picked WHERE jobs.id = picked.id
    RETURNING jobs.id, organization_id, pool_version_id, pool_key, profile, webhook_url, created_at, attempts, max_attempts, batch_id, priority,
      (SELECT r.id FROM pool_versions pv JOIN pools p ON p.id = pv.pool_id JOIN scoring_rule_sets r ON r.domain = p.domain
       WHERE pv.id = jobs.pool_version_id AND r.organization_id = jobs.organization_id ORDER BY r.version DESC LIMIT 1) AS rules_set_id`;
  return rows.map((r) => ({
    id: r.id as string,
    organizationId: r.organization_id as string,
    poolVersionId: r.pool_version_id as string,
    poolKey: r.pool_key as string,
    profile: r.profile,
    webhookUrl: (r.webhook_url as string | null) ?? null,
    createdAt: r.created_at as Date,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    batchId: (r.batch_id as string | null) ?? null,
    priority: Number(r.priority),
    rulesSetId: (r.rules_set_id as string | null) ?? null,
  }));
}

/** Extend the lease; false when it is no longer ours (expired and taken, or finished). */
export async function renewLease(db: PrismaClient, id: string, owner: string, leaseMs: number): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE jobs SET lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE id = ${id} AND lease_owner = ${owner} AND status = 'running' AND lease_expires_at > now()`;
  return n === 1;
}

export class LeaseLostError extends Error {
  constructor(id: string) {
    super(`lease on ${id} was lost; result not written`);
  }
}

export interface JobOutcome {
  engineVersion: string;
  poolSize: number;
  filtered: number;
  result: unknown;
  trace: unknown;
  timings: Record<string, number>;
  /** The organization's scoring rule-set version used (0 = the defaults) and its id. */
  rulesVersion: number;
  rulesSetId: string | null;
}

export interface Completion {
  job: ClaimedJob;
  outcome: JobOutcome;
  /** The stored form of result and trace, when the caller encoded them already (see encodeOutcome). */
  encoded?: EncodedOutcome;
}

export interface EncodedOutcome {
  result: Buffer;
  trace: Buffer;
}

/** Result and trace as stored (gzipped JSON): the CPU-heavy part of completing a job. */
export const encodeOutcome = (outcome: JobOutcome): EncodedOutcome => ({ result: gzipJson(outcome.result), trace: gzipJson(outcome.trace) });

/**
 * Finish a group of evaluated jobs in one statement: each job whose lease is still ours becomes
 * completed with its result and trace, its webhook delivery (if it has a webhook_url) is
 * enqueued, and batch rows are counted on their batch; the write that finishes a batch's last
 * row stamps the batch completed and enqueues its batch.completed delivery. One statement is one
 * transaction: none of these can be written without the others. Jobs whose lease was lost are
 * left alone and returned in `lost`.
 */
export async function completeJobs(
  db: PrismaClient,
  owner: string,
  items: Completion[],
): Promise<{ completed: string[]; lost: string[]; storedBytes: number }> {
  if (items.length === 0) return { completed: [], lost: [], storedBytes: 0 };
  let storedBytes = 0;
  const values = items.map(({ job, outcome, encoded }) => {
    const dlv = newDeliveryIds();
    const { result, trace } = encoded ?? encodeOutcome(outcome);
    storedBytes += result.byteLength + trace.byteLength;
    return Prisma.sql`(${job.id}::text, ${outcome.engineVersion}::text, ${outcome.poolSize}::int, ${outcome.filtered}::int, ${result}::bytea, ${trace}::bytea,
      ${JSON.stringify(outcome.timings)}::jsonb, ${outcome.rulesVersion}::int, ${outcome.rulesSetId}::text, ${dlv.id}::text, ${dlv.webhookId}::text)`;
  });
  const batchIds = [...new Set(items.map((i) => i.job.batchId).filter((b): b is string => b !== null))];
  const batchPart =
    batchIds.length === 0
      ? Prisma.empty
      : Prisma.sql`,
    counted AS (
      UPDATE batches b SET finished = b.finished + c.n,
             completed_at = CASE WHEN b.finished + c.n >= b.total THEN now() ELSE b.completed_at END
      FROM (SELECT batch_id, count(*)::int AS n FROM done WHERE batch_id IS NOT NULL GROUP BY batch_id) c
      WHERE b.id = c.batch_id AND b.completed_at IS NULL
      RETURNING b.id, b.organization_id, b.webhook_url, b.finished, b.total),
    bv(batch_id, dlv_id, msg_id) AS (VALUES ${Prisma.join(batchIds.map((id) => ((d) => Prisma.sql`(${id}::text, ${d.id}::text, ${d.webhookId}::text)`)(newDeliveryIds())))}),
    batch_deliveries AS (
      INSERT INTO webhook_deliveries (id, organization_id, batch_id, message_id, url, next_attempt_at, created_at, updated_at)
      SELECT bv.dlv_id, counted.organization_id, counted.id, bv.msg_id, counted.webhook_url, ${UTC_NOW}, ${UTC_NOW}, ${UTC_NOW}
      FROM counted JOIN bv ON bv.batch_id = counted.id
      WHERE counted.finished >= counted.total AND counted.webhook_url IS NOT NULL)`;
  const done = await db.$queryRaw<Array<{ id: string }>>`
    WITH v(job_id, engine_version, pool_size, filtered, result, trace, timings, rules_version, rules_set_id, dlv_id, msg_id) AS (VALUES ${Prisma.join(values)}),
    done AS (
      UPDATE jobs SET status = 'completed', completed_at = now(), lease_owner = NULL, lease_expires_at = NULL, error_code = NULL, error_message = NULL
      FROM v WHERE jobs.id = v.job_id AND jobs.lease_owner = ${owner} AND jobs.status = 'running' AND jobs.lease_expires_at > now()
      RETURNING jobs.id, jobs.organization_id, jobs.webhook_url, jobs.batch_id),
    results AS (
      INSERT INTO job_results (job_id, engine_version, pool_size, filtered, result, trace, timings, rules_version, rules_set_id)
      SELECT v.job_id, v.engine_version, v.pool_size, v.filtered, v.result, v.trace, v.timings, v.rules_version, v.rules_set_id
      FROM v JOIN done ON done.id = v.job_id),
    deliveries AS (
      INSERT INTO webhook_deliveries (id, organization_id, job_id, message_id, url, next_attempt_at, created_at, updated_at)
      SELECT v.dlv_id, done.organization_id, done.id, v.msg_id, done.webhook_url, ${UTC_NOW}, ${UTC_NOW}, ${UTC_NOW}
      FROM v JOIN done ON done.id = v.job_id WHERE done.webhook_url IS NOT NULL)${batchPart}
    SELECT id FROM done`;
  const completed = done.map((r) => r.id);
  const ok = new Set(completed);
  return { completed, lost: items.map((i) => i.job.id).filter((id) => !ok.has(id)), storedBytes };
}

// Delivery timestamps are UTC in `timestamp without time zone` (see lib/webhooks/deliver.ts).
const UTC_NOW = Prisma.raw("(now() AT TIME ZONE 'UTC')");

/** Store the result and finish the job, only while the lease is still ours; enqueue its webhook. */
export async function completeJob(db: PrismaClient, job: ClaimedJob, owner: string, outcome: JobOutcome) {
  const r = await completeJobs(db, owner, [{ job, outcome }]);
  if (r.lost.length > 0) throw new LeaseLostError(job.id);
  return { storedBytes: r.storedBytes };
}

/** Extend the leases of a group; returns the ids still ours. */
export async function renewLeases(db: PrismaClient, ids: string[], owner: string, leaseMs: number): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE jobs SET lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE id = ANY(${ids}::text[]) AND lease_owner = ${owner} AND status = 'running' AND lease_expires_at > now()
    RETURNING id`;
  return rows.map((r) => r.id);
}

/**
 * A failed attempt: back to the queue with exponential backoff while attempts remain and the
 * error may pass, else `failed` (with its webhook). Fenced like completion.
 */
export async function failJob(
  db: PrismaClient,
  job: ClaimedJob,
  owner: string,
  error: { code: string; message: string; permanent: boolean },
  backoffMs: (attempt: number) => number = defaultBackoff,
) {
  const final = error.permanent || job.attempts >= job.maxAttempts;
  await db.$transaction(async (tx) => {
    const n = final
      ? await tx.$executeRaw`
          UPDATE jobs SET status = 'failed', completed_at = now(), lease_owner = NULL, lease_expires_at = NULL,
                 error_code = ${error.code}, error_message = ${error.message}
          WHERE id = ${job.id} AND lease_owner = ${owner} AND status = 'running' AND lease_expires_at > now()`
      : await tx.$executeRaw`
          UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL,
                 run_after = now() + make_interval(secs => ${backoffMs(job.attempts) / 1000}),
                 error_code = ${error.code}, error_message = ${error.message}
          WHERE id = ${job.id} AND lease_owner = ${owner} AND status = 'running' AND lease_expires_at > now()`;
    if (n !== 1) throw new LeaseLostError(job.id);
    if (final && job.batchId) await countBatchRows(tx, job.batchId, { finished: 1, failed: 1 });
    if (final) await enqueueDelivery(tx, job);
  });
  return { final };
}

/** Give a claimed job back untouched (graceful shutdown): it is not an attempt. */
export async function releaseJob(db: PrismaClient, id: string, owner: string) {
  await db.$executeRaw`
    UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, attempts = GREATEST(attempts - 1, 0)
    WHERE id = ${id} AND lease_owner = ${owner} AND status = 'running'`;
}

/** Jobs whose lease expired with no attempts left are failed rather than retried forever. */
export async function failExhausted(db: PrismaClient) {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string; organization_id: string; webhook_url: string | null; batch_id: string | null }>>`
      UPDATE jobs SET status = 'failed', completed_at = now(), lease_owner = NULL, lease_expires_at = NULL,
             error_code = 'worker_lost', error_message = 'The evaluation was interrupted too many times'
      WHERE id IN (SELECT id FROM jobs WHERE status = 'running' AND lease_expires_at < now() AND attempts >= max_attempts
                   FOR UPDATE SKIP LOCKED)
      RETURNING id, organization_id, webhook_url, batch_id`;
    for (const r of rows) await enqueueDelivery(tx, { id: r.id, organizationId: r.organization_id, webhookUrl: r.webhook_url });
    const perBatch = new Map<string, number>();
    for (const r of rows) if (r.batch_id) perBatch.set(r.batch_id, (perBatch.get(r.batch_id) ?? 0) + 1);
    for (const [batchId, n] of perBatch) await countBatchRows(tx, batchId, { finished: n, failed: n });
    return rows.length;
  });
}

// 1 s, 4 s, 16 s, 64 s … capped at 10 min, with ±20 % jitter so retries do not march in step.
export function defaultBackoff(attempt: number): number {
  const base = Math.min(600_000, 1000 * 4 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}
