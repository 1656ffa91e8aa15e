import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EvaluationResult } from "@/lib/engine/types";
import { notFound, invalid } from "@/lib/errors";
import type { JobResponse } from "@/lib/jobs/schemas";
import { gunzipJson } from "@/lib/jobs/result-codec";
import { resultBody } from "@/lib/jobs/webhook-body";

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
  livemode: true,
  poolVersion: { select: { version: true } },
} satisfies Prisma.JobSelect;

type JobRow = Prisma.JobGetPayload<{ select: typeof jobSelect }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function view(job: JobRow, result: { engineVersion: string; rulesVersion: number; body: EvaluationResult } | null): JobResponse {
  const base = {
    pool: job.poolKey,
    pool_version: job.poolVersion.version,
    profile: job.profile as Record<string, unknown>,
    webhook_url: job.webhookUrl,
    livemode: job.livemode,
    created_at: job.createdAt.toISOString(),
    started_at: iso(job.startedAt),
    completed_at: iso(job.completedAt),
  };
  if (job.status === "completed" && result) {
    return { ...resultBody({ ...job, errorCode: null, errorMessage: null }, result.body), ...base, engine_version: result.engineVersion, rules_version: result.rulesVersion } as JobResponse;
  }
  if (job.status === "failed") {
    return { eval_id: job.id, status: "failed", error: { code: job.errorCode ?? "evaluation_failed", message: job.errorMessage ?? "The evaluation failed" }, ...base };
  }
  return { eval_id: job.id, status: job.status, ...base };
}

export async function getJob(db: PrismaClient, organizationId: string, evalId: string): Promise<JobResponse> {
  const job = await db.job.findFirst({ where: { id: evalId, organizationId }, select: jobSelect });
  if (!job) throw notFound("Job");
  if (job.status !== "completed") return view(job, null);
  const res = await db.jobResult.findUnique({ where: { jobId: job.id }, select: { engineVersion: true, rulesVersion: true, result: true } });
  return view(job, res ? { engineVersion: res.engineVersion, rulesVersion: res.rulesVersion, body: gunzipJson<EvaluationResult>(res.result) } : null);
}

export interface ListFilters {
  limit: number;
  starting_after?: string;
  status?: "queued" | "running" | "completed" | "failed";
  pool?: string;
  q?: string;
  created_gte?: string;
  created_lte?: string;
  mode?: "live" | "test";
}

export async function listJobs(db: PrismaClient, organizationId: string, f: ListFilters) {
  // Test and live jobs are listed apart: a key sees its own mode's, people choose (live by default).
  const where: Prisma.JobWhereInput = { organizationId, livemode: f.mode !== "test" };
  if (f.status) where.status = f.status;
  if (f.pool) where.poolKey = f.pool;
  if (f.q) where.entity = { contains: f.q, mode: "insensitive" };
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
      id: true, status: true, poolKey: true, entity: true, livemode: true, errorCode: true, errorMessage: true, createdAt: true, startedAt: true, completedAt: true,
      poolVersion: { select: { version: true } },
      result: { select: { poolSize: true, filtered: true } },
    },
  });
  const data = rows.slice(0, f.limit).map((j) => ({
    eval_id: j.id,
    status: j.status,
    pool: j.poolKey,
    pool_version: j.poolVersion.version,
    entity: j.entity,
    livemode: j.livemode,
    pool_size: j.result?.poolSize ?? null,
    filtered: j.result?.filtered ?? null,
    ...(j.status === "failed" ? { error: { code: j.errorCode ?? "evaluation_failed", message: j.errorMessage ?? "The evaluation failed" } } : {}),
    created_at: j.createdAt.toISOString(),
    started_at: iso(j.startedAt),
    completed_at: iso(j.completedAt),
  }));
  return { data, has_more: rows.length > f.limit };
}

function endOfDayIfDate(v: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T23:59:59.999Z`) : new Date(v);
}
