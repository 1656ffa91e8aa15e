import "server-only";
import { z } from "zod";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { invalid, notFound } from "@/lib/api/errors";
import { enqueueDelivery } from "@/lib/webhooks/enqueue";
import { wakeWorkers } from "@/lib/worker/wake";

// Webhook deliveries as the API and the dashboard show them: every attempt of every delivery of a
// job, a manual redelivery, and the organization's recent deliveries. Every query names the
// organization: another organization's job is not found, never forbidden.

export const DeliveryAttempt = z
  .object({
    attempt: z.number().int().min(1),
    at: z.string().meta({ description: "When the attempt started (ISO 8601)" }),
    status_code: z.number().int().nullable().meta({ description: "The receiver's HTTP status; null when no response came" }),
    latency_ms: z.number().int(),
    response_excerpt: z.string().nullable().meta({ description: "The first 1 KB of the response body" }),
    error: z.string().nullable(),
  })
  .meta({ id: "DeliveryAttempt" });

export const Delivery = z
  .object({
    id: z.string(),
    webhook_id: z.string().meta({ description: "The webhook-id header, the same on every attempt of this delivery" }),
    url: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.number().int().min(0),
    next_attempt_at: z.string().nullable().meta({ description: "When the next attempt is due; null once the delivery is settled" }),
    last_error: z.string().nullable(),
    manual: z.boolean().meta({ description: "true for a redelivery requested by a person" }),
    created_at: z.string(),
    attempt_log: z.array(DeliveryAttempt),
  })
  .meta({ id: "Delivery" });
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryListResponse = z.object({ data: z.array(Delivery) }).meta({ id: "DeliveryListResponse" });
export type DeliveryListResponse = z.infer<typeof DeliveryListResponse>;

export const RecentDelivery = Delivery.omit({ attempt_log: true })
  .extend({ eval_id: z.string(), updated_at: z.string(), last_attempt: DeliveryAttempt.nullable() })
  .meta({ id: "RecentDelivery" });
export type RecentDelivery = z.infer<typeof RecentDelivery>;

const attemptSelect = {
  attemptNo: true,
  startedAt: true,
  statusCode: true,
  latencyMs: true,
  responseExcerpt: true,
  error: true,
} satisfies Prisma.WebhookAttemptSelect;

const deliverySelect = {
  id: true,
  messageId: true,
  url: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  manual: true,
  createdAt: true,
} satisfies Prisma.WebhookDeliverySelect;

type AttemptRow = Prisma.WebhookAttemptGetPayload<{ select: typeof attemptSelect }>;
type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>;

const attemptView = (a: AttemptRow) => ({
  attempt: a.attemptNo,
  at: a.startedAt.toISOString(),
  status_code: a.statusCode,
  latency_ms: a.latencyMs,
  response_excerpt: a.responseExcerpt,
  error: a.error,
});

const deliveryView = (d: DeliveryRow) => ({
  id: d.id,
  webhook_id: d.messageId,
  url: d.url,
  status: d.status,
  attempts: d.attempts,
  next_attempt_at: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
  last_error: d.lastError,
  manual: d.manual,
  created_at: d.createdAt.toISOString(),
});

async function findJob(db: PrismaClient, organizationId: string, evalId: string) {
  const job = await db.job.findFirst({
    where: { id: evalId, organizationId },
    select: { id: true, organizationId: true, status: true, webhookUrl: true },
  });
  if (!job) throw notFound("Job");
  return job;
}

/** Every delivery of one job, oldest first, each with its attempts. */
export async function listDeliveries(db: PrismaClient, organizationId: string, evalId: string): Promise<DeliveryListResponse> {
  const job = await findJob(db, organizationId, evalId);
  const rows = await db.webhookDelivery.findMany({
    where: { jobId: job.id, organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...deliverySelect, attemptLog: { orderBy: { attemptNo: "asc" }, select: attemptSelect } },
  });
  return { data: rows.map((d) => ({ ...deliveryView(d), attempt_log: d.attemptLog.map(attemptView) })) };
}

/**
 * A new delivery of a finished job's webhook, with a new webhook-id: a receiver that already
 * processed the first one sees a new message (eval_id stays its deduplication key).
 */
export async function redeliver(db: PrismaClient, organizationId: string, evalId: string): Promise<Delivery> {
  const job = await findJob(db, organizationId, evalId);
  if (job.status !== "completed" && job.status !== "failed") {
    throw invalid(`Job ${job.id} is ${job.status}; only a completed or failed job can be redelivered`, [
      { path: "eval_id", code: "job_not_finished", message: `status is ${job.status}` },
    ]);
  }
  if (!job.webhookUrl) {
    throw invalid(`Job ${job.id} has no webhook_url`, [{ path: "eval_id", code: "no_webhook_url", message: "the job was submitted without webhook_url" }]);
  }
  const created = await enqueueDelivery(db, job, { manual: true });
  if (!created) throw new Error("redeliver: no delivery created for a job with a webhook_url");
  wakeWorkers();
  const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: created.id }, select: deliverySelect });
  return { ...deliveryView(row), attempt_log: [] };
}

export interface RecentDeliveryFilters {
  limit: number;
  status?: "pending" | "succeeded" | "failed";
}

/** The organization's latest deliveries across jobs, newest first, for the dashboard. */
export async function listRecentDeliveries(db: PrismaClient, organizationId: string, f: RecentDeliveryFilters): Promise<{ data: RecentDelivery[] }> {
  const rows = await db.webhookDelivery.findMany({
    where: { organizationId, ...(f.status ? { status: f.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, f.limit), 200),
    select: {
      ...deliverySelect,
      jobId: true,
      updatedAt: true,
      attemptLog: { orderBy: { attemptNo: "desc" }, take: 1, select: attemptSelect },
    },
  });
  return {
    data: rows.map((d) => ({
      ...deliveryView(d),
      eval_id: d.jobId,
      updated_at: d.updatedAt.toISOString(),
      last_attempt: d.attemptLog[0] ? attemptView(d.attemptLog[0]) : null,
    })),
  };
}
