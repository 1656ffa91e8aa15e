"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/badges";
import { formatNumber } from "@/components/trace/format";
import { Highlight, SearchField } from "@/components/trace/search-field";
import { ValuesLine } from "@/components/trace/values-line";
import { Chevron } from "@/components/trace/chevron";
import type { EliminatedGroup } from "@/components/trace/types";

// ~1,800 eliminated candidates: groups start collapsed and an open group renders PAGE rows at a
// time, so the page stays light however large the pool. Search filters by name on the client;
// while it is active, groups with matches open by themselves.

const PAGE = 50;

export function EliminatedList({ groups }: { groups: EliminatedGroup[] }) {
  const [query, setQuery] = useState("");
  const q = useDeferredValue(query.trim().toLowerCase());
  // Per-group choices made by the person, forgotten whenever the search changes.
  const [toggled, setToggled] = useState<{ q: string; open: Record<string, boolean> }>({ q: "", open: {} });
  const [shown, setShown] = useState<{ q: string; n: Record<string, number> }>({ q: "", n: {} });

  const lowered = useMemo(() => groups.map((g) => g.candidates.map((c) => c.name.toLowerCase())), [groups]);
  const filtered = useMemo(() => groups.map((g, i) => (q ? g.candidates.filter((_, k) => lowered[i][k].includes(q)) : g.candidates)), [groups, lowered, q]);

  const total = groups.reduce((n, g) => n + g.count, 0);
  const matches = filtered.reduce((n, list) => n + list.length, 0);
  const openNow = (code: string, i: number) => (toggled.q === q ? toggled.open[code] : undefined) ?? (q !== "" && filtered[i].length > 0);
  const setOpen = (code: string, value: boolean) => setToggled((t) => ({ q, open: { ...(t.q === q ? t.open : {}), [code]: value } }));
  const setAll = (value: boolean) => setToggled({ q, open: Object.fromEntries(groups.map((g) => [g.code, value])) });
  const visibleCount = (code: string) => (shown.q === q ? shown.n[code] : undefined) ?? PAGE;

  if (groups.length === 0) {
    return <EmptyState title="No candidate was eliminated">Every candidate in the pool passed the eligibility filters.</EmptyState>;
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <SearchField label="Search eliminated candidates by name" placeholder="Search eliminated by name" value={query} onChange={setQuery} />
        <div className="flex items-center gap-2">
          <Button type="button" variant="ghost" className="px-2.5 py-1.5" onClick={() => setAll(true)}>
            Expand all
          </Button>
          <Button type="button" variant="ghost" className="px-2.5 py-1.5" onClick={() => setAll(false)}>
            Collapse all
          </Button>
        </div>
      </div>
      <p className="text-sm text-slate-600" aria-live="polite">
        {q
          ? `${formatNumber(matches)} of ${formatNumber(total)} eliminated candidates match “${query.trim()}”`
          : `${formatNumber(total)} candidates removed by ${groups.length} ${groups.length === 1 ? "rule" : "rules"}`}
      </p>
      {q && matches === 0 ? (
        <EmptyState title="No eliminated candidate matches">Try part of the name, or clear the search.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" aria-label="Eliminated candidates by rule">
          {groups.map((g, i) => {
            if (q && filtered[i].length === 0) return null;
            const open = openNow(g.code, i);
            const list = filtered[i];
            const limit = visibleCount(g.code);
            const panelId = `elim-${g.code}`;
            return (
              <li key={g.code} data-testid="eliminated-group" data-code={g.code}>
                <h3>
                  <button
                    type="button"
                    aria-expanded={open}
                    aria-controls={panelId}
                    onClick={() => setOpen(g.code, !open)}
                    className="flex w-full items-start gap-3 px-4 py-3 text-left hover:bg-slate-50"
                  >
                    <Chevron open={open} />
                    <span className="min-w-0 flex-1">
                      <span className="block font-medium text-slate-900">{g.rule}</span>
                      <span className="block font-mono text-xs text-slate-600">{g.code}</span>
                      {g.source && (
                        <span className="mt-0.5 block text-xs text-slate-600" data-testid="rule-source">
                          Source: {g.source}
                        </span>
                      )}
                    </span>
                    <span className="shrink-0 rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-semibold tabular-nums text-slate-800">
                      {q ? `${formatNumber(list.length)} of ${formatNumber(g.count)}` : formatNumber(g.count)}
                      <span className="sr-only"> candidates</span>
                    </span>
                  </button>
                </h3>
                {open && (
                  <div id={panelId} className="border-t border-slate-100 bg-slate-50/60 px-4 pb-3 pl-11">
                    <ul className="divide-y divide-slate-100">
                      {list.slice(0, limit).map((c) => (
                        <li key={c.id} className="grid gap-1 py-2 sm:grid-cols-[minmax(0,18rem)_1fr] sm:gap-4">
                          <span className="text-sm font-medium text-slate-900">
                            <Highlight text={c.name} query={q} />
                          </span>
                          <div className="min-w-0 space-y-0.5">
                            <ValuesLine values={c.values} />
                            {c.also_failed && (
                              <p className="text-xs text-slate-700" data-testid="also-failed">
                                Also fails: {c.also_failed.map((f) => f.code).join(", ")}
                              </p>
                            )}
                            {c.near_miss && (
                              <p className="text-xs text-amber-800">
                                Near miss: {c.near_miss.margin}; {c.near_miss.fix}.
                              </p>
                            )}
                          </div>
                        </li>
                      ))}
                    </ul>
                    {list.length > limit && (
                      <Button
                        type="button"
                        variant="secondary"
                        className="mt-2 px-2.5 py-1.5"
                        onClick={() => setShown((s) => ({ q, n: { ...(s.q === q ? s.n : {}), [g.code]: limit + PAGE } }))}
                      >
                        Show {Math.min(PAGE, list.length - limit)} more ({formatNumber(list.length - limit)} not shown)
                      </Button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
