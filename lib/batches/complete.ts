import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueBatchDelivery } from "@/lib/webhooks/enqueue";

// A batch finishes in the transaction that finishes its last row: each row's job, as it reaches
// completed or failed (once: those writes are fenced on the lease), adds itself to the batch's
// counters; the write that makes finished = total stamps completed_at and enqueues the one
// batch.completed delivery, so it can be neither lost nor sent twice. (Groups of completed jobs do
// the same in SQL: lib/worker/queue.ts completeJobs.)

export async function countBatchRows(tx: Prisma.TransactionClient, batchId: string, rows: { finished: number; failed: number }) {
  const [b] = await tx.$queryRaw<Array<{ id: string; organization_id: string; webhook_url: string | null; finished: number; total: number }>>`
    UPDATE batches SET finished = finished + ${rows.finished}::int, failed = failed + ${rows.failed}::int,
           completed_at = CASE WHEN finished + ${rows.finished}::int >= total THEN now() ELSE completed_at END
    WHERE id = ${batchId} AND completed_at IS NULL
    RETURNING id, organization_id, webhook_url, finished, total`;
  if (!b || b.finished < b.total) return;
  await enqueueBatchDelivery(tx, { id: b.id, organizationId: b.organization_id, webhookUrl: b.webhook_url });
}
