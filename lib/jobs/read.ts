import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CompactTrace, EvaluationResult } from "@/lib/engine/types";
import { notFound, invalid } from "@/lib/errors";
import type { JobResponse } from "@/lib/jobs/schemas";
import { gunzipJson, gunzipText } from "@/lib/jobs/result-codec";
import { auditUrl, resultBody } from "@/lib/jobs/webhook-body";
import { changedSince, changedSinceOf } from "@/lib/recheck/changed";

// Reading jobs. Every query names the organization: another organization's job is simply not
// found (404), never "forbidden", so ids leak nothing.

// The job as getJob reads it (its one statement fills this shape).
type JobSelect = {
  id: true;
  status: true;
  poolKey: true;
  profile: true;
  webhookUrl: true;
  errorCode: true;
  errorMessage: true;
  createdAt: true;
  startedAt: true;
  completedAt: true;
  sourceJobId: true;
  sourceKind: true;
  livemode: true;
  poolVersion: { select: { version: true } };
};

type JobRow = Prisma.JobGetPayload<{ select: JobSelect }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const source = (j: { sourceJobId: string | null; sourceKind: string | null }): { eval_id: string; kind: "rerun" | "recheck" } | null =>
  j.sourceJobId && (j.sourceKind === "rerun" || j.sourceKind === "recheck") ? { eval_id: j.sourceJobId, kind: j.sourceKind } : null;

const viewBase = (job: JobRow) => ({
  pool: job.poolKey,
  pool_version: job.poolVersion.version,
  profile: job.profile as Record<string, unknown>,
  webhook_url: job.webhookUrl,
  source: source(job),
  livemode: job.livemode,
  created_at: job.createdAt.toISOString(),
  started_at: iso(job.startedAt),
  completed_at: iso(job.completedAt),
});

function view(job: JobRow, result: { engineVersion: string; rulesVersion: number; body: EvaluationResult } | null): JobResponse {
  const base = viewBase(job);
  if (job.status === "completed" && result) {
    return {
      ...resultBody({ ...job, errorCode: null, errorMessage: null }, result.body),
      ...base,
      engine_version: result.engineVersion,
      rules_version: result.rulesVersion,
    } as JobResponse;
  }
  if (job.status === "failed") {
    return {
      eval_id: job.id,
      status: "failed",
      error: { code: job.errorCode ?? "evaluation_failed", message: job.errorMessage ?? "The evaluation failed" },
      // As the failed job's webhook says: the trace shows what was tried (its inputs and the run).
      audit: auditUrl(job.id),
      ...base,
    };
  }
  return { eval_id: job.id, status: job.status, ...base };
}

/** The job's one row as getJob reads it: the job, its pool version, its result and its latest material re-check. */
async function readJobRow(db: PrismaClient, organizationId: string, evalId: string, nearMisses: boolean): Promise<{ job: JobRow; row: JobReadRow }> {
  const [row] = await db.$queryRaw<JobReadRow[]>`
    SELECT j.id, j.status::text AS status, j.pool_key, j.profile, j.webhook_url, j.error_code, j.error_message, j.created_at, j.started_at,
           j.completed_at, j.source_job_id, j.source_kind, j.livemode, pv.version AS pool_version,
           r.engine_version, r.rules_version, r.result, ${nearMisses ? Prisma.sql`r.trace` : Prisma.sql`NULL::bytea`} AS trace,
           c.job_id AS changed_job_id, c.compared_at AS changed_at, c.summary AS changed_summary
    FROM jobs j
    JOIN pool_versions pv ON pv.id = j.pool_version_id
    LEFT JOIN job_results r ON r.job_id = j.id AND j.status = 'completed'
    LEFT JOIN LATERAL (
      SELECT ri.job_id, ri.compared_at, ri.summary FROM recheck_items ri
      WHERE ri.organization_id = j.organization_id AND ri.original_job_id = j.id AND ri.status = 'done' AND ri.material = true AND ri.job_id IS NOT NULL
      ORDER BY ri.compared_at DESC LIMIT 1) c ON j.status = 'completed'
    WHERE j.id = ${evalId} AND j.organization_id = ${organizationId}`;
  if (!row) throw notFound("Job");
  const job: JobRow = {
    id: row.id,
    status: row.status as JobRow["status"],
    poolKey: row.pool_key,
    profile: row.profile as JobRow["profile"],
    webhookUrl: row.webhook_url,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    createdAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    sourceJobId: row.source_job_id,
    sourceKind: row.source_kind,
    livemode: row.livemode,
    poolVersion: { version: Number(row.pool_version) },
  };
  return { job, row };
}

const changedOf = (row: JobReadRow) =>
  row.changed_job_id ? changedSinceOf({ jobId: row.changed_job_id, comparedAt: row.changed_at, summary: row.changed_summary }) : null;

/**
 * `include.nearMisses`: add the trace's near misses (engine 2; [] for results of engine 1).
 * One statement (the job, its pool version, its result and its latest material re-check): this is
 * what clients poll, so it is written out rather than three Prisma queries (docs/performance.md).
 */
export async function getJob(db: PrismaClient, organizationId: string, evalId: string, include: { nearMisses?: boolean } = {}): Promise<JobResponse> {
  const { job, row } = await readJobRow(db, organizationId, evalId, include.nearMisses === true);
  if (job.status !== "completed") return view(job, null);
  const out = view(
    job,
    row.result ? { engineVersion: row.engine_version!, rulesVersion: Number(row.rules_version), body: gunzipJson<EvaluationResult>(row.result) } : null,
  );
  if (include.nearMisses && row.trace) out.near_misses = (gunzipJson<CompactTrace>(row.trace).near_misses ?? []) as JobResponse["near_misses"];
  return { ...out, changed_since: changedOf(row) };
}

// The stored result as JSON text: exactly these keys, in this order, as the engine writes them.
const STORED_RESULT = /^\{"pool_size":\d+,"filtered":\d+,"candidates":\[/;

/**
 * getJob's answer as JSON text, byte for byte `JSON.stringify(await getJob(…))`, without parsing
 * the stored result: a completed job's candidates (≈ 140 KB of JSON for a broad risk) are spliced
 * from the stored text into the envelope. This is the request clients poll; parsing the result
 * and writing it out again was most of its cost (docs/performance.md). Falls back to getJob for
 * anything else (near misses asked for, a job not completed, a stored result of another shape).
 */
export async function getJobJson(db: PrismaClient, organizationId: string, evalId: string, include: { nearMisses?: boolean } = {}): Promise<string> {
  if (include.nearMisses) return JSON.stringify(await getJob(db, organizationId, evalId, include));
  const { job, row } = await readJobRow(db, organizationId, evalId, false);
  if (job.status !== "completed") return JSON.stringify(view(job, null));
  if (!row.result) return JSON.stringify({ ...view(job, null), changed_since: changedOf(row) });
  const stored = gunzipText(row.result);
  if (!STORED_RESULT.test(stored) || !stored.endsWith("]}")) {
    const out = view(job, { engineVersion: row.engine_version!, rulesVersion: Number(row.rules_version), body: JSON.parse(stored) as EvaluationResult });
    return JSON.stringify({ ...out, changed_since: changedOf(row) });
  }
  // view()'s key order: eval_id, status, the result's keys, audit, then the job's own fields.
  const head = JSON.stringify({ eval_id: job.id, status: "completed" });
  const tail = JSON.stringify({
    audit: auditUrl(job.id),
    ...viewBase(job),
    engine_version: row.engine_version,
    rules_version: Number(row.rules_version),
    changed_since: changedOf(row),
  });
  return `${head.slice(0, -1)},${stored.slice(1, -1)},${tail.slice(1)}`;
}

interface JobReadRow {
  id: string;
  status: string;
  pool_key: string;
  profile: unknown;
  webhook_url: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  source_job_id: string | null;
  source_kind: string | null;
  livemode: boolean;
  pool_version: number;
  engine_version: string | null;
  rules_version: number | null;
  result: Uint8Array | null;
  trace: Uint8Array | null;
  changed_job_id: string | null;
  changed_at: Date | null;
  changed_summary: unknown;
}

export interface ListFilters {
  limit: number;
  starting_after?: string;
  status?: "queued" | "running" | "completed" | "failed";
  pool?: string;
  q?: string;
  created_gte?: string;
  created_lte?: string;
  include_rechecks?: "true" | "false";
  mode?: "live" | "test";
}

export async function listJobs(db: PrismaClient, organizationId: string, f: ListFilters) {
  // Test and live jobs are listed apart: a key sees its own mode's, people choose (live by default).
  const where: Prisma.JobWhereInput = { organizationId, livemode: f.mode !== "test" };
  if (f.status) where.status = f.status;
  if (f.pool) where.poolKey = f.pool;
  if (f.q) where.entity = { contains: f.q, mode: "insensitive" };
  // Re-checks are Nexio's own jobs (linked from the evaluation they re-check): not listed unless asked.
  if (f.include_rechecks !== "true") where.OR = [{ sourceKind: null }, { sourceKind: { not: "recheck" } }];
  if (f.created_gte || f.created_lte) {
    where.createdAt = {
      ...(f.created_gte ? { gte: new Date(f.created_gte) } : {}),
      ...(f.created_lte ? { lte: endOfDayIfDate(f.created_lte) } : {}),
    };
  }
  if (f.starting_after) {
    const cursor = await db.job.findFirst({ where: { id: f.starting_after, organizationId }, select: { id: true, createdAt: true } });
    if (!cursor) throw invalid(`starting_after: no job ${f.starting_after}`, [{ path: "starting_after", code: "invalid_cursor", message: "unknown eval_id" }]);
    where.AND = [{ OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }];
  }
  const rows = await db.job.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    select: {
      id: true,
      status: true,
      poolKey: true,
      entity: true,
      livemode: true,
      errorCode: true,
      errorMessage: true,
      createdAt: true,
      startedAt: true,
      completedAt: true,
      sourceJobId: true,
      sourceKind: true,
      poolVersion: { select: { version: true } },
      result: { select: { poolSize: true, filtered: true } },
    },
  });
  const page = rows.slice(0, f.limit);
  const changed = await changedSince(
    db,
    organizationId,
    page.map((j) => j.id),
  );
  const data = page.map((j) => ({
    eval_id: j.id,
    status: j.status,
    pool: j.poolKey,
    pool_version: j.poolVersion.version,
    entity: j.entity,
    livemode: j.livemode,
    pool_size: j.result?.poolSize ?? null,
    filtered: j.result?.filtered ?? null,
    ...(j.status === "failed" ? { error: { code: j.errorCode ?? "evaluation_failed", message: j.errorMessage ?? "The evaluation failed" } } : {}),
    source: source(j),
    changed_since: changed.get(j.id) ?? null,
    created_at: j.createdAt.toISOString(),
    started_at: iso(j.startedAt),
    completed_at: iso(j.completedAt),
  }));
  return { data, has_more: rows.length > f.limit };
}

function endOfDayIfDate(v: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T23:59:59.999Z`) : new Date(v);
}
