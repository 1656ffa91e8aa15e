"use client";

import Link from "next/link";
import { useCallback, useId, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorNote, Spinner } from "@/components/ui/badges";
import { ApiRequestError } from "@/components/api";
import { HistoryFilters } from "./history-filters";
import { HistoryTable, HistoryTableSkeleton } from "./history-table";
import { PAGE_SIZES, hasFilters, readHistoryState, toPageQuery, type HistoryState } from "./search-params";
import { useJobs, type JobSummary } from "./use-jobs";
import { SavedViewNote, SavedViews } from "@/components/saved-views/saved-views";

export function HistoryView() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const state = readHistoryState(new URLSearchParams(sp.toString()));
  const jobs = useJobs(state);

  const go = useCallback(
    (next: HistoryState, mode: "push" | "replace") => {
      const q = toPageQuery(next);
      router[mode](q ? `${pathname}?${q}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  const stateKey = sp.toString();
  // A new filter starts again from the first page.
  const onFilter = useCallback(
    (patch: Partial<HistoryState>) => go({ ...readHistoryState(new URLSearchParams(stateKey)), ...patch, starting_after: "", prev: [] }, "replace"),
    [go, stateKey],
  );
  // Clearing the filters keeps the page size and the Live / Test choice.
  const onClear = useCallback(
    () => go({ ...readHistoryState(new URLSearchParams()), limit: state.limit, mode: state.mode }, "replace"),
    [go, state.limit, state.mode],
  );

  const page = jobs.data?.data ?? [];
  const last = page.at(-1)?.eval_id;
  const pageNumber = state.prev.length + (state.starting_after ? 2 : 1);
  const filtered = hasFilters(state);
  const badCursor = jobs.error instanceof ApiRequestError && jobs.error.details.some((d) => d.path === "starting_after");

  // Two completed evaluations picked (on any page) open "What changed", the older one as "before".
  const [picked, setPicked] = useState<Pick<JobSummary, "eval_id" | "created_at">[]>([]);
  const onToggle = useCallback(
    (job: JobSummary) =>
      setPicked((p) =>
        p.some((x) => x.eval_id === job.eval_id)
          ? p.filter((x) => x.eval_id !== job.eval_id)
          : p.length < 2
            ? [...p, { eval_id: job.eval_id, created_at: job.created_at }]
            : p,
      ),
    [],
  );
  const [before, after] = [...picked].sort((x, y) => x.created_at.localeCompare(y.created_at) || x.eval_id.localeCompare(y.eval_id));
  const viewQuery = toPageQuery({ ...state, starting_after: "", prev: [] });

  return (
    <div className="space-y-4">
      <SavedViewNote id={sp.get("view")} />
      <ModeSwitch state={state} pathname={pathname} />
      <HistoryFilters state={state} onChange={onFilter} onClear={onClear} active={filtered} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SavedViews page="history" query={viewQuery} onApply={(q) => router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false })} />
        <div className="flex items-center gap-3 text-sm" aria-live="polite" data-testid="compare-picked">
          {picked.length > 0 && <span className="text-slate-700">{picked.length} of 2 picked to compare</span>}
          {before && after && (
            <Link
              href={`/jobs/${before.eval_id}/compare/${after.eval_id}`}
              className="rounded-md bg-indigo-700 px-3.5 py-2 font-medium text-white hover:bg-indigo-800"
            >
              Compare the 2 selected
            </Link>
          )}
          {picked.length > 0 && (
            <Button variant="ghost" onClick={() => setPicked([])}>
              Clear selection
            </Button>
          )}
        </div>
      </div>

      <section aria-labelledby={`${id}-h`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <header className="flex min-h-12 items-center justify-between gap-4 border-b border-slate-200 px-4 py-2">
          <h2 id={`${id}-h`} className="text-sm font-semibold text-slate-900">
            {state.mode === "test" ? "Test evaluations" : "Evaluations"} <span className="font-normal text-slate-500">· newest first · page {pageNumber}</span>
          </h2>
          <div aria-live="polite" className="min-w-24 text-right">
            {jobs.isFetching && !jobs.isPending && <Spinner label="Updating" />}
          </div>
        </header>

        {jobs.isPending ? (
          <div role="status" aria-label="Loading evaluations">
            <HistoryTableSkeleton rows={Math.min(state.limit, 8)} />
          </div>
        ) : jobs.isError && !jobs.data ? (
          <div className="space-y-3 p-4">
            <ErrorNote>{badCursor ? "That page no longer exists." : `Could not load evaluations: ${jobs.error.message}`}</ErrorNote>
            {badCursor ? (
              <Button variant="secondary" onClick={() => go({ ...state, starting_after: "", prev: [] }, "replace")}>
                Back to the first page
              </Button>
            ) : (
              <Button variant="secondary" onClick={() => jobs.refetch()}>
                Try again
              </Button>
            )}
          </div>
        ) : page.length === 0 ? (
          <div className="p-4">
            {filtered ? (
              <EmptyState title="No evaluations match these filters">
                <Button variant="secondary" className="mt-3" onClick={onClear}>
                  Clear filters
                </Button>
              </EmptyState>
            ) : state.starting_after ? (
              <EmptyState title="No more evaluations" />
            ) : state.mode === "test" ? (
              <EmptyState title="No test evaluations">
                <p>Evaluations submitted with a test key (nx_test_…) appear here, apart from live ones.</p>
              </EmptyState>
            ) : (
              <EmptyState title="No evaluations yet">
                <p>Evaluations submitted from the dashboard or the API appear here.</p>
                <Link href="/jobs/new" className="mt-3 inline-block font-medium text-indigo-800 underline">
                  Start a new evaluation
                </Link>
              </EmptyState>
            )}
          </div>
        ) : (
          <div className={jobs.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
            <HistoryTable
              jobs={page}
              caption={`${state.mode === "test" ? "Test evaluations" : "Evaluations"}, page ${pageNumber}, newest first`}
              selected={picked.map((p) => p.eval_id)}
              onToggle={onToggle}
            />
          </div>
        )}

        {!(page.length === 0 && !state.starting_after) && (
          <nav aria-label="Pagination" className="flex items-center justify-between gap-4 border-t border-slate-200 px-4 py-3">
            <div className="flex items-center gap-2 text-sm">
              <label htmlFor={`${id}-size`} className="text-slate-700">
                Rows per page
              </label>
              <select
                id={`${id}-size`}
                value={state.limit}
                onChange={(e) => go({ ...state, limit: Number(e.target.value), starting_after: "", prev: [] }, "replace")}
                className="rounded-md border border-slate-300 bg-white px-2 py-1"
              >
                {[...new Set([...PAGE_SIZES, state.limit])]
                  .sort((a, b) => a - b)
                  .map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
              </select>
            </div>
            <div className="flex gap-2">
              <Button
                variant="secondary"
                disabled={!state.starting_after}
                onClick={() => go({ ...state, starting_after: state.prev.at(-1) ?? "", prev: state.prev.slice(0, -1) }, "push")}
              >
                ← Previous
              </Button>
              <Button
                variant="secondary"
                disabled={!jobs.data?.has_more || !last || jobs.isPlaceholderData}
                onClick={() => go({ ...state, starting_after: last!, prev: state.starting_after ? [...state.prev, state.starting_after] : state.prev }, "push")}
              >
                Next →
              </Button>
            </div>
          </nav>
        )}
      </section>
    </div>
  );
}

/**
 * Live or test evaluations: jobs submitted with a test key (nx_test_) are listed apart. Links, so
 * the choice is in the URL (bookmarks, Back, saved views) and a new choice starts at page 1.
 */
function ModeSwitch({ state, pathname }: { state: HistoryState; pathname: string }) {
  const href = (mode: HistoryState["mode"]) => {
    const q = toPageQuery({ ...state, mode, starting_after: "", prev: [] });
    return q ? `${pathname}?${q}` : pathname;
  };
  const item = (mode: HistoryState["mode"], label: string) => (
    <Link
      href={href(mode)}
      scroll={false}
      replace
      aria-current={state.mode === mode ? "page" : undefined}
      className={`rounded-md px-3.5 py-1.5 text-sm font-medium ${state.mode === mode ? "bg-indigo-700 text-white shadow-sm" : "text-slate-700 hover:bg-white hover:text-slate-900"}`}
      data-testid={`mode-${mode || "live"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Live or test evaluations" className="inline-flex gap-1 rounded-lg border border-slate-200 bg-slate-100 p-1">
      {item("", "Live")}
      {item("test", "Test")}
    </nav>
  );
}
