"use client";

import { memo, useId } from "react";
import { LEVEL_MEANING, TIER_LABEL } from "@/components/ui/badges";
import { LEVEL_CHIP } from "./level-chip";
import { CONFIDENCE_LABEL, CONFIDENCES, DIMENSION_LABEL, DIMENSIONS, LEVELS, TIERS, type Dimension, type Filters, type Level } from "./model";

const control = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function LevelLegend() {
  return (
    <div className="flex flex-wrap items-center gap-3 text-xs text-slate-700" data-testid="level-legend">
      <span className="font-semibold uppercase tracking-wide text-slate-500">Levels</span>
      <ul className="flex flex-wrap gap-3">
        {LEVELS.map((l) => (
          <li key={l} className="flex items-center gap-1.5">
            <span className={LEVEL_CHIP[l]}>{l}</span>
            {LEVEL_MEANING[l]}
          </li>
        ))}
      </ul>
    </div>
  );
}

function toggle<T>(list: T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

function CheckGroup<T extends string>({
  legend,
  values,
  labels,
  selected,
  counts,
  onChange,
}: {
  legend: string;
  values: readonly T[];
  labels: Record<string, string>;
  selected: T[];
  counts: Record<string, number>;
  onChange: (v: T[]) => void;
}) {
  return (
    <fieldset>
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">{legend}</legend>
      <div className="mt-1.5 flex flex-col gap-1">
        {values.map((v) => (
          <label key={v} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={selected.includes(v)} onChange={() => onChange(toggle(selected, v))} className="h-4 w-4 accent-indigo-700" />
            {labels[v]}
            <span className="text-xs tabular-nums text-slate-500">{counts[v] ?? 0}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const LEVEL_RANGE: Record<Level, string> = { L1: "L1 only", L2: "L1–L2", L3: "L1–L3", L4: "Any" } as Record<Level, string>;

/** Tier, confidence, level per dimension and name: what narrows the ranked list. */
export const ResultFilters = memo(function ResultFilters({
  filters,
  onChange,
  tierCounts,
  confCounts,
}: {
  filters: Filters;
  onChange: (f: Filters) => void;
  tierCounts: Record<string, number>;
  confCounts: Record<string, number>;
}) {
  const id = useId();
  const setLevel = (d: Dimension, v: string) => {
    const maxLevel = { ...filters.maxLevel };
    if (v === "" || v === "L4") delete maxLevel[d];
    else maxLevel[d] = v as Level;
    onChange({ ...filters, maxLevel });
  };
  return (
    <div role="group" aria-label="Filter candidates" className="grid grid-cols-[minmax(0,1.2fr)_auto_auto_minmax(0,3fr)] gap-6">
      <div>
        <label htmlFor={`${id}-text`} className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          Name
        </label>
        <input
          id={`${id}-text`}
          type="search"
          value={filters.text}
          onChange={(e) => onChange({ ...filters, text: e.target.value })}
          placeholder="Filter by name"
          className={`mt-1.5 ${control}`}
        />
      </div>
      <CheckGroup
        legend="Tier"
        values={TIERS}
        labels={TIER_LABEL}
        selected={filters.tiers}
        counts={tierCounts}
        onChange={(tiers) => onChange({ ...filters, tiers })}
      />
      <CheckGroup
        legend="Confidence"
        values={CONFIDENCES}
        labels={CONFIDENCE_LABEL}
        selected={filters.confidences}
        counts={confCounts}
        onChange={(confidences) => onChange({ ...filters, confidences })}
      />
      <fieldset>
        <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">Levels</legend>
        <div className="mt-1.5 grid grid-cols-3 gap-x-3 gap-y-2">
          {DIMENSIONS.map((d) => (
            <div key={d} className="flex items-center gap-2">
              <label htmlFor={`${id}-${d}`} className="w-20 shrink-0 text-sm text-slate-800">
                {DIMENSION_LABEL[d]}
              </label>
              <select id={`${id}-${d}`} value={filters.maxLevel[d] ?? "L4"} onChange={(e) => setLevel(d, e.target.value)} className={control}>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {LEVEL_RANGE[l]}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
});
