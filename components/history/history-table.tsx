import Link from "next/link";
import { StatusBadge, TestBadge } from "@/components/ui/badges";
import { formatDateTime, formatDuration, formatInt } from "@/components/ui/format";
import type { JobSummary } from "./use-jobs";

const th = "px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const td = "px-4 py-3 align-top";
const ROW_HEIGHT = "h-[61px]";

function Result({ job }: { job: JobSummary }) {
  if (job.status === "completed" && job.pool_size !== null) {
    return (
      <span>
        <span className="font-semibold tabular-nums">{formatInt(job.filtered ?? 0)}</span>
        <span className="text-slate-500"> of {formatInt(job.pool_size)} eligible</span>
      </span>
    );
  }
  if (job.status === "failed") return <span className="text-red-800">{job.error?.message ?? "Failed"}</span>;
  return <span className="text-slate-500">—</span>;
}

function duration(job: JobSummary) {
  return job.completed_at ? formatDuration(Date.parse(job.completed_at) - Date.parse(job.created_at)) : "—";
}

/** A History row's marks: picked for comparison, and "changed since" (a re-check found a material change). */
function ChangedSince({ job }: { job: JobSummary }) {
  if (!job.changed_since) return null;
  return (
    <Link
      href={`/jobs/${job.eval_id}/compare/${job.changed_since.eval_id}`}
      title={job.changed_since.sentences.join("; ")}
      className="mt-1 inline-flex rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-amber-900 hover:bg-amber-200"
      data-testid="changed-since"
    >
      Changed since
    </Link>
  );
}

export function HistoryTable({
  jobs,
  caption,
  selected,
  onToggle,
}: {
  jobs: JobSummary[];
  caption: string;
  selected: string[];
  onToggle: (job: JobSummary) => void;
}) {
  return (
    <table className="w-full table-fixed text-sm">
      <caption className="sr-only">{caption}</caption>
      <colgroup>
        <col className="w-[4%]" />
        <col className="w-[25%]" />
        <col className="w-[10%]" />
        <col className="w-[14%]" />
        <col className="w-[18%]" />
        <col className="w-[14%]" />
        <col className="w-[8%]" />
        <col className="w-[7%]" />
      </colgroup>
      <thead className="border-b border-slate-200 bg-slate-50">
        <tr>
          <th scope="col" className={th}>
            <span className="sr-only">Compare</span>
          </th>
          <th scope="col" className={th}>
            Entity
          </th>
          <th scope="col" className={th}>
            Status
          </th>
          <th scope="col" className={th}>
            Pool
          </th>
          <th scope="col" className={th}>
            Result
          </th>
          <th scope="col" className={th} aria-sort="descending">
            Submitted
          </th>
          <th scope="col" className={`${th} text-right`}>
            Duration
          </th>
          <th scope="col" className={th}>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {jobs.map((job) => (
          <tr key={job.eval_id} className={`${ROW_HEIGHT} hover:bg-slate-50`} data-testid="history-row">
            <td className={td}>
              {job.status === "completed" && (
                <input
                  type="checkbox"
                  checked={selected.includes(job.eval_id)}
                  disabled={!selected.includes(job.eval_id) && selected.length >= 2}
                  onChange={() => onToggle(job)}
                  aria-label={`Select ${job.entity || "(no entity)"} ${job.eval_id}`}
                  className="mt-0.5 h-4 w-4 accent-indigo-700"
                />
              )}
            </td>
            <td className={td}>
              <Link href={`/jobs/${job.eval_id}`} className="font-medium text-indigo-800 hover:underline" data-testid="history-entity">
                {job.entity || "(no entity)"}
              </Link>
              {!job.livemode && <TestBadge className="ml-2 align-middle" />}
              <div className="truncate font-mono text-xs text-slate-500">{job.eval_id}</div>
            </td>
            <td className={td}>
              <StatusBadge status={job.status} />
            </td>
            <td className={td}>
              <span className="font-mono text-xs">{job.pool}</span>
              <span className="ml-1 text-xs text-slate-500">v{job.pool_version}</span>
            </td>
            <td className={`${td} truncate`}>
              <Result job={job} />
              <div>
                <ChangedSince job={job} />
              </div>
            </td>
            <td className={`${td} whitespace-nowrap text-slate-700`}>
              <time dateTime={job.created_at}>{formatDateTime(job.created_at)}</time>
            </td>
            <td className={`${td} text-right tabular-nums text-slate-700`}>{duration(job)}</td>
            <td className={`${td} text-right`}>
              <Link
                href={`/jobs/new?from=${job.eval_id}`}
                aria-label={`Edit and re-run ${job.entity || job.eval_id}`}
                className="whitespace-nowrap text-sm font-medium text-indigo-800 hover:underline"
              >
                Re-run
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Placeholder rows of the same height as real ones, so the page does not jump when they arrive. */
export function HistoryTableSkeleton({ rows }: { rows: number }) {
  return (
    <div aria-hidden="true">
      <div className="h-[37px] border-b border-slate-200 bg-slate-50" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={`${ROW_HEIGHT} flex items-center gap-6 border-b border-slate-100 px-4`}>
          <div className="h-3 w-1/4 animate-pulse rounded bg-slate-200" />
          <div className="h-3 w-16 animate-pulse rounded bg-slate-200" />
          <div className="h-3 w-24 animate-pulse rounded bg-slate-200" />
          <div className="h-3 w-1/6 animate-pulse rounded bg-slate-200" />
        </div>
      ))}
    </div>
  );
}
