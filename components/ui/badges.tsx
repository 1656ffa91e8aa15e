import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

// Colour conventions used everywhere: tiers, confidence and the four levels always look the same.

export const TIER_LABEL = { STRONG_FIT: "Strong fit", MODERATE_FIT: "Moderate fit", WEAK_FIT: "Weak fit" } as const;
const TIER_STYLE = {
  STRONG_FIT: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  MODERATE_FIT: "bg-amber-100 text-amber-900 ring-amber-300",
  WEAK_FIT: "bg-slate-200 text-slate-800 ring-slate-300",
} as const;

export function TierBadge({ tier }: { tier: keyof typeof TIER_STYLE }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TIER_STYLE[tier]}`}>{TIER_LABEL[tier]}</span>;
}

const CONF_STYLE = { HIGH: "text-emerald-800", MEDIUM: "text-amber-800", LOW: "text-red-800" } as const;
const CONF_DOTS = { HIGH: "●●●", MEDIUM: "●●○", LOW: "●○○" } as const;

export function ConfidenceBadge({ confidence }: { confidence: keyof typeof CONF_STYLE }) {
  return (
    <span className={`inline-flex items-center gap-1 text-xs font-medium ${CONF_STYLE[confidence]}`} title={`${confidence.toLowerCase()} confidence`}>
      <span aria-hidden="true">{CONF_DOTS[confidence]}</span>
      {confidence[0] + confidence.slice(1).toLowerCase()}
    </span>
  );
}

export const LEVEL_STYLE = {
  L1: "bg-emerald-700 text-white",
  L2: "bg-lime-200 text-lime-950",
  L3: "bg-amber-200 text-amber-950",
  L4: "bg-red-600 text-white",
} as const;
export const LEVEL_MEANING = { L1: "Best", L2: "Good", L3: "Weak", L4: "Poor" } as const;

export function LevelChip({ level, label }: { level: keyof typeof LEVEL_STYLE; label?: string }) {
  return (
    <span
      className={`inline-flex min-w-8 justify-center rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${LEVEL_STYLE[level]}`}
      title={label ? `${label}: ${level} (${LEVEL_MEANING[level]})` : `${level} (${LEVEL_MEANING[level]})`}
    >
      {level}
    </span>
  );
}

const STATUS_STYLE = {
  queued: "bg-slate-100 text-slate-800",
  running: "bg-sky-100 text-sky-900",
  completed: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
} as const;

export function StatusBadge({ status }: { status: keyof typeof STATUS_STYLE }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status]}`}>{status}</span>;
}

/** Marks a job (or batch) submitted with a test key (nx_test_): test jobs are listed apart from live ones. */
export function TestBadge({ className = "" }: { className?: string }) {
  return (
    <span
      className={`inline-flex rounded-full border border-amber-300 bg-amber-100 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900 ${className}`}
      title="Submitted with a test key (nx_test_)"
      data-testid="test-badge"
    >
      Test
    </span>
  );
}

export function Card({ title, actions, children, className = "" }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={cn("rounded-lg border border-slate-200 bg-white shadow-sm", className)}>
      {(title || actions) && (
        <header className="flex items-center justify-between gap-4 border-b border-slate-200 px-5 py-3">
          {title && <h2 className="text-base font-semibold text-slate-900">{title}</h2>}
          {actions}
        </header>
      )}
      <div className="p-5">{children}</div>
    </section>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="font-medium text-slate-900">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600">{children}</div>}
    </div>
  );
}

export function ErrorNote({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      {children}
    </div>
  );
}

const NOTE_STYLE = {
  info: "bg-sky-50 text-sky-950 ring-sky-200",
  warning: "bg-amber-50 text-amber-950 ring-amber-200",
} as const;

/** A short notice that is not an error: what the page started from, or what it could not use. */
export function Note({ tone = "info", children, ...props }: { tone?: keyof typeof NOTE_STYLE; children: ReactNode; "data-testid"?: string }) {
  return (
    <div {...props} className={`rounded-md px-4 py-3 text-sm ring-1 ring-inset ${NOTE_STYLE[tone]}`}>
      {children}
    </div>
  );
}

export function Spinner({ label = "Loading" }: { label?: string }) {
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm text-slate-600">
      <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-indigo-700" />
      {label}
    </span>
  );
}
