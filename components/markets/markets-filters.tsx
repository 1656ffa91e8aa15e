"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { LINES, LINE_LABELS } from "@/lib/engine/domains/carriers/lines";
import { STATES, STATE_NAMES } from "@/lib/engine/geo";
import { lastDays, type MarketsState } from "./search-params";

const control = "mt-1 block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm";
const PRESETS = [
  { days: 30, label: "Last 30 days" },
  { days: 90, label: "Last 90 days" },
  { days: 365, label: "Last 12 months" },
] as const;

type Patch = Partial<Omit<MarketsState, "offset">>;

/** Period (presets or two dates) and carrier, line and state filters; applying resets to the first page. */
export function MarketsFilters({
  state,
  period,
  onChange,
}: {
  state: MarketsState;
  /** The period the API answered for (its default when the URL names none), shown in the date fields. */
  period?: { from: string; to: string };
  onChange: (patch: Patch) => void;
}) {
  const id = useId();
  const from = state.from || period?.from || "";
  const to = state.to || period?.to || "";
  const [draft, setDraft] = useState({ from, to, carrier: state.carrier });
  // Follow the URL (a preset, Back) and the API's default period: adjust while rendering, compared by value.
  const key = `${from}|${to}|${state.carrier}`;
  const [seen, setSeen] = useState(key);
  if (seen !== key) {
    // Only what changed: the default period arriving must not wipe a carrier id being typed.
    const [pf, pt, pc] = seen.split("|");
    setSeen(key);
    setDraft((d) => ({ from: pf !== from ? from : d.from, to: pt !== to ? to : d.to, carrier: pc !== state.carrier ? state.carrier : d.carrier }));
  }
  return (
    <form
      role="search"
      aria-label="Filter market data"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ from: draft.from, to: draft.to, carrier: draft.carrier.trim() });
      }}
    >
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">Period presets</legend>
        <span className="mr-1 text-sm font-medium text-slate-800" aria-hidden="true">
          Period
        </span>
        {PRESETS.map((p) => {
          const [from, to] = lastDays(p.days);
          const active = state.from === from && state.to === to;
          return (
            <button
              key={p.days}
              type="button"
              aria-pressed={active}
              onClick={() => onChange({ from, to })}
              className={`rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-indigo-700 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
            >
              {p.label}
            </button>
          );
        })}
      </fieldset>
      <div className="grid grid-cols-2 items-end gap-4 lg:grid-cols-[1fr_1fr_1.2fr_1.4fr_1fr_auto]">
        <div>
          <label htmlFor={`${id}-from`} className="block text-sm font-medium text-slate-800">
            From
          </label>
          <input id={`${id}-from`} type="date" value={draft.from} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} className={control} />
        </div>
        <div>
          <label htmlFor={`${id}-to`} className="block text-sm font-medium text-slate-800">
            To
          </label>
          <input id={`${id}-to`} type="date" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} className={control} />
        </div>
        <div>
          <label htmlFor={`${id}-carrier`} className="block text-sm font-medium text-slate-800">
            Carrier id
          </label>
          <input
            id={`${id}-carrier`}
            value={draft.carrier}
            onChange={(e) => setDraft((d) => ({ ...d, carrier: e.target.value }))}
            placeholder="Any carrier"
            className={control}
          />
        </div>
        <div>
          <label htmlFor={`${id}-line`} className="block text-sm font-medium text-slate-800">
            Line
          </label>
          <select id={`${id}-line`} value={state.line} onChange={(e) => onChange({ line: e.target.value })} className={control}>
            <option value="">All lines</option>
            {LINES.map((l) => (
              <option key={l} value={l}>
                {LINE_LABELS[l]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-state`} className="block text-sm font-medium text-slate-800">
            State
          </label>
          <select id={`${id}-state`} value={state.state} onChange={(e) => onChange({ state: e.target.value })} className={control}>
            <option value="">All states</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s} – {STATE_NAMES[s]}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">Apply</Button>
      </div>
    </form>
  );
}
