"use client";

import { useCallback, useDeferredValue, useEffect, useId, useMemo, useState } from "react";
import { useSearchParams } from "next/navigation";
import { SavedViewNote, SavedViews } from "@/components/saved-views/saved-views";
import { filtersQuery, readFilters, withFilters } from "./filters-param";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/badges";
import { formatInt } from "@/components/ui/format";
import { CandidateTable } from "./candidate-table";
import { CompareDialog } from "./compare-dialog";
import { MAX_COMPARE } from "./compare-param";
import { downloadCsv } from "./export-csv";
import {
  applyFilters,
  applySort,
  DEFAULT_SORT,
  firstDirection,
  isFiltering,
  NO_FILTERS,
  toRows,
  type Filters,
  type Row,
  type Sort,
  type SortKey,
} from "./model";
import { LevelLegend, ResultFilters } from "./result-filters";
import { Summary } from "./summary";
import { useCompareUrl } from "./use-compare-url";
import type { NearMiss, ScoredCandidate } from "./use-job";
import { NearMissList } from "@/components/near-miss-list";

function countBy(rows: Row[], key: "tier" | "confidence") {
  const out: Record<string, number> = {};
  for (const r of rows) out[r[key]] = (out[r[key]] ?? 0) + 1;
  return out;
}

/** A completed evaluation: summary, filters, the ranked table, comparison and CSV export. */
export function Results({
  evalId,
  poolSize,
  eligible,
  candidates,
  nearMisses = [],
  onAddToPlan,
}: {
  evalId: string;
  poolSize: number;
  eligible: number;
  candidates: ScoredCandidate[];
  nearMisses?: NearMiss[];
  onAddToPlan?: (ids: string[]) => void;
}) {
  const all = useMemo(() => toRows(candidates), [candidates]);
  const byId = useMemo(() => new Map(all.map((r) => [r.id, r])), [all]);
  // The open comparison is the URL's ?compare=; opened from a link, its candidates start ticked.
  const { ids: compareIds, open: openCompare, close: closeCompare } = useCompareUrl(byId);
  const compareButtonId = useId();
  // Filters and sort start from the URL (a saved view's link, a reload) and stay in it.
  const sp = useSearchParams();
  const [initial] = useState(() => readFilters(sp.toString()));
  const [filters, setFilters] = useState<Filters>(initial.filters);
  const [sort, setSort] = useState<Sort>(initial.sort);
  useEffect(() => {
    const inUrl = readFilters(window.location.search);
    if (filtersQuery(inUrl.filters, inUrl.sort) === filtersQuery(filters, sort)) return;
    const next = withFilters(window.location.search, filters, sort);
    window.history.replaceState(null, "", `${window.location.pathname}${next}${window.location.hash}`);
  }, [filters, sort]);
  const applyView = useCallback((query: string) => {
    const v = readFilters(query);
    setFilters(v.filters);
    setSort(v.sort);
  }, []);
  const [selected, setSelected] = useState<string[]>(() => compareIds);

  // Typing in the name filter stays responsive while a long table re-renders behind it.
  const deferredFilters = useDeferredValue(filters);
  const deferredSort = useDeferredValue(sort);
  const rows = useMemo(() => applySort(applyFilters(all, deferredFilters), deferredSort), [all, deferredFilters, deferredSort]);
  const tierCounts = useMemo(() => countBy(all, "tier"), [all]);
  const confCounts = useMemo(() => countBy(all, "confidence"), [all]);
  const selectedSet = useMemo(() => new Set(selected), [selected]);

  const onSort = useCallback(
    (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === "ascending" ? "descending" : "ascending" } : { key, dir: firstDirection(key) })),
    [],
  );
  const onToggle = useCallback((id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length < MAX_COMPARE ? [...s, id] : s)), []);

  const picked = selected.map((id) => byId.get(id)!).filter(Boolean);
  const comparing = compareIds.map((id) => byId.get(id)!);
  const stale = deferredFilters !== filters || deferredSort !== sort;

  return (
    <div className="space-y-4" data-testid="results-ready" data-rows={rows.length}>
      <Summary poolSize={poolSize} eligible={eligible} rows={all} />

      {nearMisses.length > 0 && (
        // Beside the ranked list, above it: a short list, where it is seen without scrolling past every eligible carrier.
        <section aria-labelledby="near-h" className="rounded-lg border border-amber-200 bg-white p-5 shadow-sm" data-testid="almost-eligible">
          <h2 id="near-h" className="text-base font-semibold text-slate-900">
            Almost eligible <span className="font-normal tabular-nums text-slate-600">({formatInt(nearMisses.length)})</span>
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            Eliminated, but within the documented margin of every filter they failed (e.g. revenue up to 10 % over a band, one AM Best notch under the floor),
            with what would make each eligible.
          </p>
          <NearMissList nearMisses={nearMisses} limit={25} />
        </section>
      )}

      <section aria-labelledby="candidates-h" className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <header className="space-y-4 border-b border-slate-200 p-5">
          <div className="flex flex-wrap items-center justify-between gap-4">
            <h2 id="candidates-h" className="text-base font-semibold text-slate-900">
              Ranked candidates
            </h2>
            <LevelLegend />
          </div>
          <SavedViewNote id={sp.get("view")} />
          <ResultFilters filters={filters} onChange={setFilters} tierCounts={tierCounts} confCounts={confCounts} />
          <SavedViews page="results" query={filtersQuery(filters, sort)} evalId={evalId} onApply={applyView} />
          <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-4">
            <p aria-live="polite" className="text-sm text-slate-700" data-testid="row-count">
              Showing <span className="font-semibold tabular-nums">{formatInt(rows.length)}</span> of {formatInt(all.length)} eligible candidates
            </p>
            <div className="flex flex-wrap gap-2">
              <Button
                variant="ghost"
                onClick={() => {
                  setFilters(NO_FILTERS);
                  setSort(DEFAULT_SORT);
                }}
                disabled={!isFiltering(filters) && sort === DEFAULT_SORT}
              >
                Reset filters and sort
              </Button>
              <Button variant="secondary" onClick={() => void downloadCsv(evalId, rows)} disabled={rows.length === 0}>
                Export CSV
              </Button>
            </div>
          </div>
        </header>

        <div className={stale ? "opacity-70 transition-opacity" : undefined}>
          {all.length === 0 ? (
            <div className="p-5">
              <EmptyState title="No eligible candidates">
                The pool&apos;s filters removed every candidate; the audit trace says which rule removed each.
              </EmptyState>
            </div>
          ) : rows.length === 0 ? (
            <div className="p-5">
              <EmptyState title="No candidates match these filters">
                <Button variant="secondary" className="mt-3" onClick={() => setFilters(NO_FILTERS)}>
                  Clear filters
                </Button>
              </EmptyState>
            </div>
          ) : (
            <CandidateTable
              rows={rows}
              sort={sort}
              onSort={onSort}
              selected={selectedSet}
              canSelectMore={selected.length < MAX_COMPARE}
              onToggle={onToggle}
              caption={`Ranked candidates, ${rows.length} shown, sorted by ${sort.key} ${sort.dir}`}
            />
          )}
        </div>

        <div className="sticky bottom-0 z-10 flex min-h-14 flex-wrap items-center justify-between gap-3 rounded-b-lg border-t border-slate-200 bg-white/95 px-5 py-2 backdrop-blur">
          <p className="text-sm text-slate-700" aria-live="polite">
            {picked.length === 0
              ? `Tick 2–${MAX_COMPARE} candidates to compare them side by side.`
              : `${picked.length} selected${picked.length === MAX_COMPARE ? " (the most you can compare)" : ""}: ${picked.map((p) => p.name).join(", ")}`}
          </p>
          <div className="flex gap-2">
            <Button variant="ghost" onClick={() => setSelected([])} disabled={picked.length === 0}>
              Clear selection
            </Button>
            {onAddToPlan && (
              <Button
                variant="secondary"
                onClick={() => {
                  onAddToPlan(selected);
                  setSelected([]);
                }}
                disabled={picked.length === 0}
              >
                Add to plan{picked.length ? ` (${picked.length})` : ""}
              </Button>
            )}
            <Button id={compareButtonId} onClick={() => openCompare(selected)} disabled={picked.length < 2}>
              Compare{picked.length ? ` (${picked.length})` : ""}
            </Button>
          </div>
        </div>
      </section>

      {comparing.length > 0 && <CompareDialog evalId={evalId} candidates={comparing} onClose={closeCompare} returnFocusTo={compareButtonId} />}
    </div>
  );
}
