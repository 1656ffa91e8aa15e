import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CompactTrace, EvaluationResult } from "@/lib/engine/types";
import { notFound, invalid } from "@/lib/errors";
import type { JobResponse } from "@/lib/jobs/schemas";
import { gunzipJson } from "@/lib/jobs/result-codec";
import { resultBody } from "@/lib/jobs/webhook-body";
import { changedSince } from "@/lib/recheck/changed";

// Reading jobs. Every query names the organization: another organization's job is simply not
// found (404), never "forbidden", so ids leak nothing.

const jobSelect = {
  id: true,
  status: true,
  poolKey: true,
  profile: true,
  webhookUrl: true,
  errorCode: true,
  errorMessage: true,
  createdAt: true,
  startedAt: true,
  completedAt: true,
  sourceJobId: true,
  sourceKind: true,
  livemode: true,
  poolVersion: { select: { version: true } },
} satisfies Prisma.JobSelect;

type JobRow = Prisma.JobGetPayload<{ select: typeof jobSelect }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const source = (j: { sourceJobId: string | null; sourceKind: string | null }): { eval_id: string; kind: "rerun" | "recheck" } | null =>
  j.sourceJobId && (j.sourceKind === "rerun" || j.sourceKind === "recheck") ? { eval_id: j.sourceJobId, kind: j.sourceKind } : null;

function view(job: JobRow, result: { engineVersion: string; rulesVersion: number; body: EvaluationResult } | null): JobResponse {
  const base = {
    pool: job.poolKey,
    pool_version: job.poolVersion.version,
    profile: job.profile as Record<string, unknown>,
    webhook_url: job.webhookUrl,
    source: source(job),
    livemode: job.livemode,
    created_at: job.createdAt.toISOString(),
    started_at: iso(job.startedAt),
    completed_at: iso(job.completedAt),
  };
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
      ...base,
    };
  }
  return { eval_id: job.id, status: job.status, ...base };
}

/** `include.nearMisses`: add the trace's near misses (engine 2; [] for results of engine 1). */
export async function getJob(db: PrismaClient, organizationId: string, evalId: string, include: { nearMisses?: boolean } = {}): Promise<JobResponse> {
  const job = await db.job.findFirst({ where: { id: evalId, organizationId }, select: jobSelect });
  if (!job) throw notFound("Job");
  if (job.status !== "completed") return view(job, null);
  const [res, changed] = await Promise.all([
    db.jobResult.findUnique({
      where: { jobId: job.id },
      select: { engineVersion: true, rulesVersion: true, result: true, trace: include.nearMisses === true },
    }),
    changedSince(db, organizationId, [job.id]),
  ]);
  const out = view(job, res ? { engineVersion: res.engineVersion, rulesVersion: res.rulesVersion, body: gunzipJson<EvaluationResult>(res.result) } : null);
  if (include.nearMisses && res?.trace) out.near_misses = (gunzipJson<CompactTrace>(res.trace).near_misses ?? []) as JobResponse["near_misses"];
  return { ...out, changed_since: changed.get(job.id) ?? null };
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
