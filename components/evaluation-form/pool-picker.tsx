"use client";

import { formatInt } from "@/components/ui/format";
import type { Pool } from "./use-pools";

/** The first pool's radio: where a "choose a pool" error sends focus. */
export const POOL_FIELD_ID = "field-pool";

/** The pools as radio cards: id, domain, size and version, so people know what they evaluate against. */
export function PoolPicker({
  pools,
  value,
  onChange,
  error,
  domainLabel,
}: {
  pools: Pool[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
  domainLabel: (domain: string) => string;
}) {
  return (
    <fieldset aria-describedby={error ? "pool-error" : undefined}>
      <legend className="text-sm font-semibold text-slate-900">Candidate pool</legend>
      <p className="mt-0.5 text-sm text-slate-600">The carriers or providers to evaluate. The profile fields below follow the pool&apos;s domain.</p>
      <div className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
        {pools.map((p, i) => {
          const checked = p.id === value;
          return (
            <label
              key={p.id}
              className={`relative flex cursor-pointer flex-col gap-1 rounded-lg border p-4 shadow-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600 ${
                checked ? "border-indigo-600 bg-indigo-50 ring-1 ring-indigo-600" : "border-slate-200 bg-white hover:border-slate-300"
              }`}
              data-testid="pool-option"
            >
              <input
                type="radio"
                id={i === 0 ? POOL_FIELD_ID : undefined}
                name="pool"
                value={p.id}
                checked={checked}
                onChange={() => onChange(p.id)}
                className="sr-only"
              />
              <span className="flex items-start justify-between gap-2">
                <span>
                  <span className="block text-xs font-medium uppercase tracking-wide text-slate-600">{domainLabel(p.domain)}</span>
                  <span className="block font-semibold text-slate-900">{p.name}</span>
                </span>
                <span
                  aria-hidden="true"
                  className={`mt-0.5 h-4 w-4 shrink-0 rounded-full border-2 ${checked ? "border-indigo-700 bg-indigo-700 shadow-[inset_0_0_0_2px_white]" : "border-slate-300 bg-white"}`}
                />
              </span>
              <span className="font-mono text-xs text-slate-700">{p.id}</span>
              <span className="text-xs text-slate-600">{p.description}</span>
              <span className="mt-auto pt-1 text-xs text-slate-700">
                <span className="font-semibold tabular-nums">{formatInt(p.size)}</span> candidates · version <span className="font-semibold">{p.version}</span>
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p id="pool-error" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function PoolPickerSkeleton() {
  return (
    <div aria-hidden="true" className="mt-8 grid grid-cols-1 gap-3 md:grid-cols-3">
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-[132px] animate-pulse rounded-lg border border-slate-200 bg-white" />
      ))}
    </div>
  );
}
