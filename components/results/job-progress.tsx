"use client";

import { useEffect, useState } from "react";
import { formatDuration } from "@/components/ui/format";
import { isDone, type Job } from "./use-job";

const STEPS = ["queued", "running", "completed"] as const;

/**
 * Time since submission, ticking while the job works; the final duration once it is done.
 * null until the browser's clock is known (the server's render must not guess it).
 */
function useElapsed(job: Pick<Job, "created_at" | "completed_at">): number | null {
  const [now, setNow] = useState<number | null>(null);
  const done = Boolean(job.completed_at);
  useEffect(() => {
    if (done) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0); // the browser's clock, as soon as it has rendered once
    const t = setInterval(tick, 100);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
  }, [done]);
  const end = job.completed_at ? Date.parse(job.completed_at) : now;
  return end === null ? null : end - Date.parse(job.created_at);
}

/**
 * The job's progress: queued → running → completed (or failed), announced to screen readers as
 * it changes, with the time elapsed since it was submitted.
 */
export function JobProgress({ job }: { job: Pick<Job, "status" | "created_at" | "started_at" | "completed_at"> }) {
  const elapsed = useElapsed(job);
  const failed = job.status === "failed";
  const current = failed ? 2 : STEPS.indexOf(job.status as (typeof STEPS)[number]);
  const label = { queued: "Queued", running: "Running", completed: "Completed", failed: "Failed" }[job.status];

  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
      <ol aria-label="Progress" className="flex items-center gap-2 text-sm">
        {STEPS.map((step, i) => {
          const reached = i <= current;
          const isFail = failed && i === 2;
          const name = isFail ? "failed" : step;
          return (
            <li key={step} className="flex items-center gap-2">
              {i > 0 && <span aria-hidden="true" className={`h-px w-6 ${reached ? "bg-indigo-400" : "bg-slate-300"}`} />}
              <span
                aria-current={i === current ? "step" : undefined}
                className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 font-medium ${
                  isFail
                    ? "bg-red-100 text-red-900"
                    : i === current && step !== "completed"
                      ? "bg-sky-100 text-sky-900"
                      : reached
                        ? "bg-emerald-100 text-emerald-900"
                        : "bg-slate-100 text-slate-500"
                }`}
              >
                {i === current && !isDone(job.status) && <span aria-hidden="true" className="h-2 w-2 animate-pulse rounded-full bg-sky-600" />}
                {name[0].toUpperCase() + name.slice(1)}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="text-sm text-slate-700">
        <span role="status" aria-live="polite" data-testid="job-status" data-status={job.status} className="font-semibold">
          <span className="sr-only">Status: </span>
          {label}
        </span>{" "}
        <span className="inline-block min-w-20 tabular-nums text-slate-600" data-testid="elapsed">
          {elapsed !== null && `${isDone(job.status) ? (failed ? "after" : "in") : "for"} ${formatDuration(elapsed)}`}
        </span>
      </p>
    </div>
  );
}
