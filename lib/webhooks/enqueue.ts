import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { newWebhookId } from "@/lib/webhooks/sign";

// A finished job with a webhook_url gets one delivery row, written in the same transaction that
// finishes the job, so a delivery can never be lost between the two. The sender (lib/webhooks/
// deliver.ts) picks it up from the table; the webhook-id is fixed here for every attempt.
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
