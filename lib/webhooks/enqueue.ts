import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { newWebhookId } from "@/lib/webhooks/sign";

// A finished job with a webhook_url gets one delivery row, written in the same transaction that
// finishes the job, so a delivery can never be lost between the two. The sender (lib/webhooks/
// deliver.ts) picks it up from the table; the webhook-id is fixed here for every attempt.
/** Ids of a delivery row written by SQL elsewhere (the worker completes groups in one statement). */
export const newDeliveryIds = () => ({ id: newId("dlv"), webhookId: newWebhookId() });

/** A finished batch's one batch.completed delivery, in the transaction that finishes its last row. */
export async function enqueueBatchDelivery(tx: Prisma.TransactionClient, batch: { id: string; organizationId: string; webhookUrl: string | null }) {
  if (!batch.webhookUrl) return null;
  return tx.webhookDelivery.create({
    data: { ...newDeliveryIds(), organizationId: batch.organizationId, batchId: batch.id, jobId: null, url: batch.webhookUrl },
    select: { id: true, webhookId: true },
  });
}

export async function enqueueDelivery(
  tx: Prisma.TransactionClient,
  job: { id: string; organizationId: string; webhookUrl: string | null },
  opts: { manual?: boolean } = {},
) {
  if (!job.webhookUrl) return null;
  return tx.webhookDelivery.create({
    data: {
      id: newId("dlv"),
      organizationId: job.organizationId,
      jobId: job.id,
      webhookId: newWebhookId(),
      url: job.webhookUrl,
      manual: opts.manual ?? false,
    },
    select: { id: true, webhookId: true },
  });
}

/**
 * A delivery of an event with its own body (a market-plan change: lib/plan), to the job's
 * webhook_url, in the caller's transaction; same queue, signing and retries as result deliveries.
 */
export async function enqueueEventDelivery(
  tx: Prisma.TransactionClient,
  job: { id: string; organizationId: string; webhookUrl: string | null },
  event: string,
  payload: Prisma.InputJsonValue,
) {
  if (!job.webhookUrl) return null;
  return tx.webhookDelivery.create({
    data: { id: newId("dlv"), organizationId: job.organizationId, jobId: job.id, webhookId: newWebhookId(), url: job.webhookUrl, event, payload },
    select: { id: true, webhookId: true },
  });
}
