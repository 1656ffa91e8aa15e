"use client";

import { memo } from "react";
import { ConfidenceBadge, LEVEL_STYLE, TierBadge } from "@/components/ui/badges";
import { DIMENSION_LABEL, DIMENSIONS, type Row, type Sort, type SortKey } from "./model";

// Up to ~1,800 rows render at once, so a row is plain markup: no hooks, no per-row components
// beyond two badges, and memoized so that ticking a checkbox re-renders one row, not all.

const th = "px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";

function SortHeader({ k, label, sort, onSort, className = "" }: { k: SortKey; label: string; sort: Sort; onSort: (k: SortKey) => void; className?: string }) {
  const active = sort.key === k;
  return (
    <th scope="col" aria-sort={active ? sort.dir : undefined} className={`${th} ${className}`}>
      <button type="button" onClick={() => onSort(k)} className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-900">
        {label}
        <span aria-hidden="true" className={active ? "text-indigo-700" : "text-slate-300"}>
          {active ? (sort.dir === "ascending" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

interface RowProps {
  row: Row;
  selected: boolean;
  selectable: boolean;
  onToggle: (id: string) => void;
}

const CandidateRow = memo(function CandidateRow({ row, selected, selectable, onToggle }: RowProps) {
  return (
    <tr className={selected ? "bg-indigo-50" : "hover:bg-slate-50"} data-testid="candidate-row" data-id={row.id}>
      <td className="px-2 py-2 text-center align-top">
        <input
          type="checkbox"
          checked={selected}
          disabled={!selected && !selectable}
          onChange={() => onToggle(row.id)}
          aria-label={`Compare ${row.name}`}
          className="mt-0.5 h-4 w-4 accent-indigo-700"
        />
      </td>
      <td className="px-2 py-2 text-right align-top tabular-nums text-slate-500">{row.rank}</td>
      <th scope="row" className="px-2 py-2 text-left align-top font-normal">
        <span className="block font-medium text-slate-900" data-testid="candidate-name">{row.name}</span>
        <span className="mt-0.5 block text-xs leading-snug text-slate-600">{row.reasoning}</span>
      </th>
      <td className="px-2 py-2 align-top"><TierBadge tier={row.tier} /></td>
      <td className="px-2 py-2 align-top"><ConfidenceBadge confidence={row.confidence} /></td>
      <td className="px-2 py-2 text-right align-top font-semibold tabular-nums" data-testid="candidate-score">{row.score}</td>
      {DIMENSIONS.map((d) => (
        <td key={d} className="px-1 py-2 text-center align-top" data-dim={d}>
          <span className={`inline-flex min-w-8 justify-center rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${LEVEL_STYLE[row.scores[d]]}`}>{row.scores[d]}</span>
        </td>
      ))}
    </tr>
  );
});

export function CandidateTable({ rows, sort, onSort, selected, canSelectMore, onToggle, caption }: { rows: Row[]; sort: Sort; onSort: (k: SortKey) => void; selected: ReadonlySet<string>; canSelectMore: boolean; onToggle: (id: string) => void; caption: string }) {
  return (
    <table className="w-full table-fixed border-collapse text-sm" data-testid="candidate-table">
      <caption className="sr-only">{caption}</caption>
      <colgroup>
        <col className="w-10" />
        <col className="w-14" />
        <col />
        <col className="w-32" />
        <col className="w-28" />
        <col className="w-20" />
        {DIMENSIONS.map((d) => (
          <col key={d} className="w-[84px]" />
        ))}
      </colgroup>
      <thead className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 shadow-[0_1px_0_0_rgb(226_232_240)]">
        <tr>
          <th scope="col" className={`${th} text-center`}><span className="sr-only">Compare</span></th>
          <SortHeader k="rank" label="#" sort={sort} onSort={onSort} className="text-right" />
          <SortHeader k="name" label="Candidate" sort={sort} onSort={onSort} />
          <SortHeader k="tier" label="Tier" sort={sort} onSort={onSort} />
          <SortHeader k="confidence" label="Confidence" sort={sort} onSort={onSort} />
          <SortHeader k="score" label="Score" sort={sort} onSort={onSort} className="text-right" />
          {DIMENSIONS.map((d) => (
            <SortHeader key={d} k={d} label={DIMENSION_LABEL[d]} sort={sort} onSort={onSort} className="px-1 text-center" />
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <CandidateRow key={r.id} row={r} selected={selected.has(r.id)} selectable={canSelectMore} onToggle={onToggle} />
        ))}
      </tbody>
    </table>
  );
}
