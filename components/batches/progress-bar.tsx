import { formatInt, percent } from "@/components/ui/format";
import type { Batch } from "./use-batch";

/** Completed and failed rows of the total, as a bar and in words; updates as the batch is polled. */
export function BatchProgress({ batch }: { batch: Batch }) {
  const { completed, failed, running, queued } = batch.counts;
  const pct = percent(completed + failed, batch.total);
  return (
    <div className="space-y-2">
      <div
        role="progressbar"
        aria-label="Rows finished"
        aria-valuemin={0}
        aria-valuemax={batch.total}
        aria-valuenow={completed + failed}
        aria-valuetext={`${formatInt(completed + failed)} of ${formatInt(batch.total)} rows finished`}
        data-testid="batch-progress"
        className="flex h-3 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="bg-emerald-600 transition-[width] duration-500" style={{ width: `${(100 * completed) / Math.max(1, batch.total)}%` }} />
        <div className="bg-red-600 transition-[width] duration-500" style={{ width: `${(100 * failed) / Math.max(1, batch.total)}%` }} />
      </div>
      <p className="flex flex-wrap gap-x-4 text-sm text-slate-700" data-testid="batch-counts">
        <span className="font-semibold tabular-nums">{pct} %</span>
        <span>
          <span className="tabular-nums">{formatInt(completed)}</span> completed
        </span>
        {failed > 0 && (
          <span className="text-red-800">
            <span className="tabular-nums">{formatInt(failed)}</span> failed
          </span>
        )}
        <span>
          <span className="tabular-nums">{formatInt(running)}</span> running
        </span>
        <span>
          <span className="tabular-nums">{formatInt(queued)}</span> queued
        </span>
      </p>
    </div>
  );
}
