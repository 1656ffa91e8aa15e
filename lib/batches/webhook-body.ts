import type { BatchCompletedEvent } from "@/lib/batches/schemas";
import { resultsUrl } from "@/lib/batches/read";

// The body of the one webhook a batch sends when its last row finishes: counts and where to fetch
// the results. Signed and retried like every delivery (lib/webhooks/deliver.ts).

export const batchEventSelect = {
  id: true,
  poolKey: true,
  total: true,
  finished: true,
  failed: true,
  skipped: true,
  createdAt: true,
  completedAt: true,
  livemode: true,
} as const;

export function batchCompletedEvent(b: {
  id: string;
  poolKey: string;
  total: number;
  finished: number;
  failed: number;
  skipped: number;
  createdAt: Date;
  completedAt: Date | null;
  livemode: boolean;
}): BatchCompletedEvent {
  return {
    type: "batch.completed",
    batch_id: b.id,
    status: "completed",
    pool: b.poolKey,
    total: b.total,
    completed: b.finished - b.failed,
    failed: b.failed,
    skipped: b.skipped,
    created_at: b.createdAt.toISOString(),
    completed_at: (b.completedAt ?? b.createdAt).toISOString(),
    results_url: resultsUrl(b.id),
    livemode: b.livemode,
  };
}
