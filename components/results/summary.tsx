import { memo } from "react";
import { TIER_LABEL } from "@/components/ui/badges";
import { formatInt, percent } from "@/components/ui/format";
import { CONFIDENCE_LABEL, CONFIDENCES, TIERS, type Row } from "./model";

const TIER_BAR = { STRONG_FIT: "bg-emerald-500", MODERATE_FIT: "bg-amber-400", WEAK_FIT: "bg-slate-400" } as Record<string, string>;
const CONF_BAR = { HIGH: "bg-emerald-600", MEDIUM: "bg-amber-500", LOW: "bg-red-500" } as Record<string, string>;

function count<K extends string>(rows: Row[], pick: (r: Row) => K) {
  const out: Record<string, number> = {};
  for (const r of rows) out[pick(r)] = (out[pick(r)] ?? 0) + 1;
  return out;
}

function Stat({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums text-slate-900">{value}</dd>
      {sub && <dd className="text-xs text-slate-600">{sub}</dd>}
    </div>
  );
}

/** A stacked bar plus its numbers as a list (the bar is decoration; the list is what is read). */
function Mix({
  title,
  keys,
  labels,
  colours,
  counts,
  total,
}: {
  title: string;
  keys: readonly string[];
  labels: Record<string, string>;
  colours: Record<string, string>;
  counts: Record<string, number>;
  total: number;
}) {
  return (
    <div>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <div aria-hidden="true" className="mt-2 flex h-2.5 overflow-hidden rounded-full bg-slate-100">
        {keys.map((k) => (counts[k] ? <div key={k} className={colours[k]} style={{ width: `${(counts[k] / total) * 100}%` }} /> : null))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {keys.map((k) => (
          <li key={k} className="flex items-center gap-1.5" data-testid={`mix-${k}`}>
            <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-sm ${colours[k]}`} />
            <span className="text-slate-700">{labels[k]}</span>
            <span className="font-semibold tabular-nums">{formatInt(counts[k] ?? 0)}</span>
            <span className="text-xs text-slate-500">({percent(counts[k] ?? 0, total)}%)</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const Summary = memo(function Summary({ poolSize, eligible, rows }: { poolSize: number; eligible: number; rows: Row[] }) {
  const tiers = count(rows, (r) => r.tier);
  const confs = count(rows, (r) => r.confidence);
  return (
    <section
      aria-label="Summary"
      className="grid min-h-[132px] grid-cols-[auto_auto_1fr_1fr] items-start gap-8 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <dl className="contents">
        <Stat label="Pool size" value={formatInt(poolSize)} sub="candidates evaluated" />
        <Stat label="Eligible" value={formatInt(eligible)} sub={`${formatInt(poolSize - eligible)} eliminated by filters`} />
      </dl>
      <Mix title="Tiers" keys={TIERS} labels={TIER_LABEL} colours={TIER_BAR} counts={tiers} total={rows.length} />
      <Mix title="Confidence" keys={CONFIDENCES} labels={CONFIDENCE_LABEL} colours={CONF_BAR} counts={confs} total={rows.length} />
    </section>
  );
});

/** The same box, empty, while the job works: results arrive without moving the page. */
export function SummarySkeleton({ children }: { children?: React.ReactNode }) {
  return (
    <div className="flex min-h-[132px] items-center justify-center rounded-lg border border-dashed border-slate-300 bg-white p-5 text-sm text-slate-600">
      {children}
    </div>
  );
}
