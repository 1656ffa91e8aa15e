"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { usePools } from "@/components/evaluation-form/use-pools";
import { STATUSES, type HistoryState } from "./search-params";

const control = "mt-1 block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm";
const SEARCH_DELAY_MS = 300;

type Patch = Partial<Pick<HistoryState, "status" | "pool" | "q" | "created_gte" | "created_lte">>;

/** Filters for the History page. Every change goes straight to the URL (search after a short pause). */
export function HistoryFilters({
  state,
  onChange,
  onClear,
  active,
}: {
  state: HistoryState;
  onChange: (patch: Patch) => void;
  onClear: () => void;
  active: boolean;
}) {
  const id = useId();
  const pools = usePools();
  const [q, setQ] = useState(state.q);

  // Follow the URL when it changes from elsewhere (Clear, Back): adjust state while rendering
  // rather than in an effect, so the input never shows the stale text for a frame.
  const [urlQ, setUrlQ] = useState(state.q);
  if (urlQ !== state.q) {
    setUrlQ(state.q);
    setQ(state.q);
  }
  useEffect(() => {
    if (q === state.q) return;
    const t = setTimeout(() => onChange({ q }), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [q, state.q, onChange]);

  return (
    <form
      role="search"
      aria-label="Filter evaluations"
      className="grid grid-cols-2 items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:grid-cols-[2fr_1fr_1.4fr_1fr_1fr_auto]"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ q });
      }}
    >
      <div>
        <label htmlFor={`${id}-q`} className="block text-sm font-medium text-slate-800">
          Entity
        </label>
        <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search by entity name" className={control} />
      </div>
      <div>
        <label htmlFor={`${id}-status`} className="block text-sm font-medium text-slate-800">
          Status
        </label>
        <select id={`${id}-status`} value={state.status} onChange={(e) => onChange({ status: e.target.value })} className={control}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s[0].toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-pool`} className="block text-sm font-medium text-slate-800">
          Pool
        </label>
        <select id={`${id}-pool`} value={state.pool} onChange={(e) => onChange({ pool: e.target.value })} className={control}>
          <option value="">Any pool</option>
          {(pools.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.id}
            </option>
          ))}
          {state.pool && !pools.data?.some((p) => p.id === state.pool) && <option value={state.pool}>{state.pool}</option>}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-from`} className="block text-sm font-medium text-slate-800">
          Submitted from
        </label>
        <input
          id={`${id}-from`}
          type="date"
          value={state.created_gte}
          max={state.created_lte || undefined}
          onChange={(e) => onChange({ created_gte: e.target.value })}
          className={control}
        />
      </div>
      <div>
        <label htmlFor={`${id}-to`} className="block text-sm font-medium text-slate-800">
          Submitted to
        </label>
        <input
          id={`${id}-to`}
          type="date"
          value={state.created_lte}
          min={state.created_gte || undefined}
          onChange={(e) => onChange({ created_lte: e.target.value })}
          className={control}
        />
      </div>
      <Button type="button" variant="secondary" onClick={onClear} disabled={!active} className="col-span-2 h-10 lg:col-span-1">
        Clear filters
      </Button>
    </form>
  );
}
