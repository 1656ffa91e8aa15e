"use client";

import { useEffect, useRef } from "react";
import { SL_EXEMPTIONS, type SlExemption } from "@/lib/plan/machine";
import type { DiligentSearchView, PlanEntryView } from "@/lib/plan/schemas";
import { Button } from "@/components/ui/button";
import { SL_EXEMPTION_CHOICE } from "./labels";

// The Plan tab's Bind on a surplus-lines carrier whose diligent search is not met: the API refuses
// it (409) without an exemption, so the form says why and makes the exemption an explicit choice.

/** A blocked surplus-lines bind: why (state, required, recorded), and the exemptions as an explicit choice. */
export function BindForm({
  entry,
  search,
  onBind,
  onCancel,
  busy,
}: {
  entry: PlanEntryView;
  search: DiligentSearchView;
  onBind: (exemption: SlExemption) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const id = `bind-${entry.carrier_id}`;
  return (
    <form
      className="mt-2 space-y-2 rounded border border-amber-300 bg-amber-50 p-2"
      aria-label={`Bind ${entry.carrier_name}`}
      aria-describedby={`${id}-why`}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Escape") onCancel();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        const choice = new FormData(e.currentTarget).get("sl_exemption");
        if (choice) onBind(String(choice) as SlExemption);
      }}
    >
      <p id={`${id}-why`} className="text-xs text-slate-900" data-testid="bind-blocked">
        <strong>Bind blocked:</strong> {search.state} requires {search.required} admitted declination{search.required === 1 ? "" : "s"} before binding a
        surplus-lines carrier; {search.recorded} recorded.
      </p>
      <fieldset className="space-y-1">
        <legend className="text-xs font-medium text-slate-800">Bind under an exemption instead</legend>
        {SL_EXEMPTIONS.map((x, i) => (
          <label key={x} className="flex items-start gap-1.5 text-xs text-slate-800">
            <input ref={i === 0 ? first : undefined} type="radio" name="sl_exemption" value={x} required className="mt-0.5" />
            <span>{SL_EXEMPTION_CHOICE[x]}</span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy} className="px-2.5 py-1">
          Bind with exemption
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel} className="px-2.5 py-1">
          Cancel
        </Button>
      </div>
    </form>
  );
}
