"use client";

import { memo } from "react";
import { ConfidenceBadge, TierBadge } from "@/components/ui/badges";
import { LEVEL_CHIP } from "./level-chip";
import { DIMENSION_LABEL, DIMENSIONS, type Row, type Sort, type SortKey } from "./model";

// Up to ~1,800 rows render at once, so a row is plain markup: no hooks, no per-row components
// beyond two badges, and memoized so that ticking a checkbox re-renders one row, not all.
//
// Layout is the expensive part: the table layout algorithm sizes every row of a long table
// (seconds for 1,800 rows with wrapped reasoning). So the table's elements are drawn as CSS
// grid rows instead, each with `content-visibility: auto`, which lets the browser skip rows
// off screen until they scroll into view (about 20× less layout work, measured here). They
// stay a real <table> with explicit roles, so assistive technology and Ctrl-F still see it all.

const COLUMNS = "grid grid-cols-[40px_48px_minmax(0,1fr)_104px_116px_104px_64px_repeat(6,88px)]";
const th = "px-2 py-2 text-left text-xs font-semibold text-slate-600";

function SortHeader({ k, label, sort, onSort, className = "" }: { k: SortKey; label: string; sort: Sort; onSort: (k: SortKey) => void; className?: string }) {
  const active = sort.key === k;
  return (
    <th scope="col" role="columnheader" aria-sort={active ? sort.dir : undefined} className={`${th} ${className}`}>
      <button type="button" onClick={() => onSort(k)} className="inline-flex items-center gap-0.5 rounded hover:text-slate-900">
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
    <tr
      role="row"
      className={`${COLUMNS} border-b border-slate-100 [contain-intrinsic-size:auto_64px] [content-visibility:auto] ${selected ? "bg-indigo-50" : "hover:bg-slate-50"}`}
      data-testid="candidate-row"
      data-id={row.id}
    >
      <td role="cell" className="px-2 py-2 text-center">
        <input
          type="checkbox"
          checked={selected}
          disabled={!selected && !selectable}
          onChange={() => onToggle(row.id)}
          aria-label={`Compare ${row.name}`}
          className="mt-0.5 h-4 w-4 accent-indigo-700"
        />
      </td>
      <td role="cell" className="px-2 py-2 text-right tabular-nums text-slate-500">
        {row.rank}
      </td>
      <th scope="row" role="rowheader" className="px-2 py-2 text-left font-normal">
        <span className="block font-medium text-slate-900" data-testid="candidate-name">
          {row.name}
        </span>
        <span className="mt-0.5 block text-xs leading-snug text-slate-600">{row.reasoning}</span>
      </th>
      <td role="cell" className="px-2 py-2 text-xs" data-testid="candidate-market">
        {row.market === "surplus_lines" ? (
          <span
            className="rounded bg-amber-100 px-1.5 py-0.5 font-semibold text-amber-900"
            title={
              row.surplus_lines
                ? `${row.surplus_lines.declinations_required} admitted declinations first; SL tax ${(row.surplus_lines.tax_rate * 100).toFixed(2)}% + fee ${(row.surplus_lines.stamping_fee_rate * 100).toFixed(2)}%`
                : undefined
            }
          >
            Surplus lines
          </span>
        ) : row.market === "admitted" ? (
          <span className="text-slate-700">Admitted</span>
        ) : (
          <span className="text-slate-400">—</span>
        )}
        {typeof row.premium_indication === "number" && (
          <span className="mt-1 block tabular-nums text-slate-600" title="Premium indication, not a quote">
            ≈ ${Math.round(row.premium_indication).toLocaleString("en-US")}
          </span>
        )}
      </td>
      <td role="cell" className="px-2 py-2">
        <TierBadge tier={row.tier} />
      </td>
      <td role="cell" className="px-2 py-2">
        <ConfidenceBadge confidence={row.confidence} />
      </td>
      <td role="cell" className="px-2 py-2 text-right font-semibold tabular-nums" data-testid="candidate-score">
        {row.score}
      </td>
      {DIMENSIONS.map((d) => (
        <td role="cell" key={d} className="px-1 py-2 text-center" data-dim={d}>
          <span className={LEVEL_CHIP[row.scores[d]]}>{row.scores[d]}</span>
        </td>
      ))}
    </tr>
  );
});

export function CandidateTable({
  rows,
  sort,
  onSort,
  selected,
  canSelectMore,
  onToggle,
  caption,
}: {
  rows: Row[];
  sort: Sort;
  onSort: (k: SortKey) => void;
  selected: ReadonlySet<string>;
  canSelectMore: boolean;
  onToggle: (id: string) => void;
  caption: string;
}) {
  return (
    <table role="table" className="block w-full text-sm" data-testid="candidate-table">
      <caption className="sr-only">{caption}</caption>
      <thead role="rowgroup" className="sticky top-0 z-10 block border-b border-slate-200 bg-slate-50">
        <tr role="row" className={COLUMNS}>
          <th scope="col" role="columnheader" className={`${th} text-center`}>
            <span className="sr-only">Compare</span>
          </th>
          <SortHeader k="rank" label="#" sort={sort} onSort={onSort} className="text-right" />
          <SortHeader k="name" label="Candidate" sort={sort} onSort={onSort} />
          <SortHeader k="market" label="Market" sort={sort} onSort={onSort} />
          <SortHeader k="tier" label="Tier" sort={sort} onSort={onSort} />
          <SortHeader k="confidence" label="Confidence" sort={sort} onSort={onSort} />
          <SortHeader k="score" label="Score" sort={sort} onSort={onSort} className="text-right" />
          {DIMENSIONS.map((d) => (
            <SortHeader key={d} k={d} label={DIMENSION_LABEL[d]} sort={sort} onSort={onSort} className="px-1 text-center [&>button]:justify-center" />
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup" className="block">
        {rows.map((r) => (
          <CandidateRow key={r.id} row={r} selected={selected.has(r.id)} selectable={canSelectMore} onToggle={onToggle} />
        ))}
      </tbody>
    </table>
  );
}
