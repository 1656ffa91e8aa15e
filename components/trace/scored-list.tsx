"use client";

import { Fragment, useDeferredValue, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfidenceBadge, EmptyState, TierBadge } from "@/components/ui/badges";
import { LevelChip } from "@/components/ui/badges";
import { formatNumber, humanize } from "@/components/trace/format";
import { Chevron } from "@/components/trace/chevron";
import { Highlight, SearchField } from "@/components/trace/search-field";
import { CandidateEvidence } from "@/components/trace/candidate-evidence";
import type { ScoredCandidate } from "@/components/trace/types";

const PAGE = 25;

export function ScoredList({ scored, dimensions }: { scored: ScoredCandidate[]; dimensions: string[] }) {
  const [query, setQuery] = useState("");
  const q = useDeferredValue(query.trim().toLowerCase());
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [limit, setLimit] = useState<{ q: string; n: number }>({ q: "", n: PAGE });

  const list = useMemo(() => (q ? scored.filter((c) => c.name.toLowerCase().includes(q)) : scored), [scored, q]);
  const n = limit.q === q ? limit.n : PAGE;
  const page = list.slice(0, n);
  const allOpen = page.length > 0 && page.every((c) => open[c.id]);

  if (scored.length === 0) {
    return <EmptyState title="No candidate passed the eligibility filters">The eliminated candidates below show which rule removed each one.</EmptyState>;
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <SearchField label="Filter scored candidates by name" placeholder="Filter scored by name" value={query} onChange={setQuery} />
        <div className="flex items-center gap-3">
          <Legend />
          <Button
            type="button"
            variant="ghost"
            className="px-2.5 py-1.5"
            onClick={() => setOpen((o) => ({ ...o, ...Object.fromEntries(page.map((c) => [c.id, !allOpen])) }))}
          >
            {allOpen ? "Collapse all" : "Expand all"}
          </Button>
        </div>
      </div>
      <p className="sr-only" aria-live="polite">
        {q ? `${list.length} scored candidates match` : ""}
      </p>
      {list.length === 0 ? (
        <EmptyState title="No scored candidate matches">Try part of the name, or clear the filter.</EmptyState>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Scored candidates, best first, with the level on each dimension</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="w-12 px-3 py-2 text-right">
                  #
                </th>
                <th scope="col" className="px-3 py-2">
                  Candidate
                </th>
                <th scope="col" className="px-3 py-2">
                  Tier
                </th>
                <th scope="col" className="px-3 py-2">
                  Confidence
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Score
                </th>
                {dimensions.map((d) => (
                  <th key={d} scope="col" className="px-1 py-2 text-center">
                    {humanize(d)}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Evidence</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {page.map((c) => {
                const isOpen = !!open[c.id];
                const panelId = `ev-${c.id}`;
                return (
                  <Fragment key={c.id}>
                    <tr data-testid="scored-row" className={isOpen ? "bg-indigo-50/40" : "hover:bg-slate-50"}>
                      <td className="px-3 py-2.5 text-right tabular-nums text-slate-600">{c.rank}</td>
                      <td className="max-w-md px-3 py-2.5">
                        <div className="font-medium text-slate-900">
                          <Highlight text={c.name} query={q} />
                          {c.market && <MarketTag market={c.market} />}
                        </div>
                        {c.reasoning && <div className="mt-0.5 line-clamp-2 text-xs text-slate-600">{c.reasoning}</div>}
                      </td>
                      <td className="px-3 py-2.5 whitespace-nowrap">
                        <TierBadge tier={c.tier} />
                      </td>
                      <td className="px-3 py-2.5 whitespace-nowrap">
                        <ConfidenceBadge confidence={c.confidence} />
                      </td>
                      <td className="px-3 py-2.5 text-right tabular-nums font-medium">{formatNumber(Math.round(c.score * 10) / 10)}</td>
                      {dimensions.map((d) => (
                        <td key={d} className="px-1 py-2.5 text-center">
                          {c.scores[d] ? <LevelChip level={c.scores[d]} label={humanize(d)} /> : "—"}
                        </td>
                      ))}
                      <td className="px-3 py-2.5 text-right">
                        <button
                          type="button"
                          aria-expanded={isOpen}
                          aria-controls={panelId}
                          onClick={() => setOpen((o) => ({ ...o, [c.id]: !isOpen }))}
                          className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm font-medium text-indigo-800 hover:bg-indigo-50"
                        >
                          <Chevron open={isOpen} />
                          Evidence<span className="sr-only"> for {c.name}</span>
                        </button>
                      </td>
                    </tr>
                    {isOpen && (
                      <tr id={panelId} className="bg-indigo-50/40">
                        <td />
                        <td colSpan={dimensions.length + 5} className="px-3 pb-4 pt-1">
                          <CandidateEvidence candidate={c} dimensions={dimensions} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {list.length > n && (
        <div className="flex items-center gap-3">
          <Button type="button" variant="secondary" onClick={() => setLimit({ q, n: n + PAGE })}>
            Show {Math.min(PAGE, list.length - n)} more
          </Button>
          <span className="text-sm text-slate-600">
            Showing {formatNumber(n)} of {formatNumber(list.length)}
          </span>
        </div>
      )}
    </div>
  );
}

/** Admitted or surplus lines (engine 2): surplus lines is a second path, so it is marked. */
export function MarketTag({ market }: { market: string }) {
  const sl = market === "surplus_lines";
  return (
    <span
      className={`ml-2 inline-block rounded px-1.5 py-0.5 align-middle text-[11px] font-semibold ${sl ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-700"}`}
      data-testid="market-tag"
    >
      {sl ? "Surplus lines" : "Admitted"}
    </span>
  );
}

function Legend() {
  return (
    <p className="hidden items-center gap-2 text-xs text-slate-600 md:flex">
      <span>Levels:</span>
      <LevelChip level="L1" /> best
      <LevelChip level="L2" /> good
      <LevelChip level="L3" /> weak
      <LevelChip level="L4" /> poor
    </p>
  );
}
