import "server-only";
import { pageArgs, pageOf, type PageQuery } from "@/lib/paging";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { invalid, notFound } from "@/lib/errors";
import { enqueueDelivery } from "@/lib/webhooks/enqueue";
import { wakeWorkers } from "@/lib/wake";
import type { Delivery, DeliveryListResponse, ListWebhookDeliveriesQuery, WebhookDeliveryList } from "@/lib/webhooks/schemas";

// Webhook deliveries as the API and the dashboard show them: every attempt of every delivery of a
// job, a manual redelivery, and the organization's deliveries across jobs (the API's list and the
// dashboard's Settings → Webhooks read the same function). Every query names the
// organization: another organization's job is not found, never forbidden.

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
  webhookId: true,
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
  webhook_id: d.webhookId,
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
export async function listDeliveries(db: PrismaClient, organizationId: string, evalId: string, page: Partial<PageQuery> = {}): Promise<DeliveryListResponse> {
  const job = await findJob(db, organizationId, evalId);
  const rows = await db.webhookDelivery.findMany({
    where: { jobId: job.id, organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...deliverySelect, attemptLog: { orderBy: { attemptNo: "asc" }, select: attemptSelect } },
    ...pageArgs(page),
  });
  return pageOf(
    rows.map((d) => ({ ...deliveryView(d), attempt_log: d.attemptLog.map(attemptView) })),
    page,
  );
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

/**
 * The organization's deliveries across jobs, newest first, paginated like GET /api/v1/jobs: a
 * `starting_after` that is not one of this organization's deliveries is a 400 on that field, so
 * another organization's ids are refused exactly like unknown ones.
 */
export async function listWebhookDeliveries(db: PrismaClient, organizationId: string, q: ListWebhookDeliveriesQuery): Promise<WebhookDeliveryList> {
  // A batch's own delivery (batch.completed) has no job; it is listed with its batch.
  const where: Prisma.WebhookDeliveryWhereInput = { organizationId, jobId: { not: null } };
  if (q.status) where.status = q.status;
  if (q.eval_id) where.jobId = q.eval_id;
  if (q.starting_after) {
    const cursor = await db.webhookDelivery.findFirst({ where: { id: q.starting_after, organizationId }, select: { id: true, createdAt: true } });
    if (!cursor)
      throw invalid(`starting_after: no delivery ${q.starting_after}`, [{ path: "starting_after", code: "invalid_cursor", message: "unknown delivery id" }]);
    where.AND = [{ OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }];
  }
  const rows = await db.webhookDelivery.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: {
      ...deliverySelect,
      jobId: true,
      updatedAt: true,
      attemptLog: { orderBy: { attemptNo: "desc" }, take: 1, select: attemptSelect },
    },
  });
  return {
    data: rows.slice(0, q.limit).map((d) => ({
      ...deliveryView(d),
      eval_id: d.jobId!,
      updated_at: d.updatedAt.toISOString(),
      last_attempt: d.attemptLog[0] ? attemptView(d.attemptLog[0]) : null,
    })),
    has_more: rows.length > q.limit,
  };
}
