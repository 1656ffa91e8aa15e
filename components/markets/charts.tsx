import type { MarketFigures } from "@/lib/markets/schemas";
import { DAYS_BUCKETS } from "@/lib/markets/schemas";
import { DECLINE_REASONS } from "@/lib/plan/machine";
import { REASON_LABEL } from "@/components/plan/labels";

// The Markets page's charts, in plain HTML and Tailwind (no chart library: a few bars do not need
// one, and the palette's CSS variables give dark mode for free). Each bar is a list item whose
// label and count are text, so screen readers and the print read the figures, not the shapes.

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : "–");

function Bars({
  label,
  items,
  total,
  testId,
}: {
  label: string;
  items: { key: string; label: string; value: number; color: string }[];
  total: number;
  testId: string;
}) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul aria-label={label} className="space-y-2" data-testid={testId}>
      {items.map((i) => (
        <li key={i.key} className="grid grid-cols-[11.5rem_1fr_5.5rem] items-center gap-3 text-sm" data-key={i.key}>
          <span className="truncate text-slate-700">{i.label}</span>
          <span className="h-4 rounded-sm bg-slate-100" aria-hidden="true">
            <span className={`block h-4 rounded-sm ${i.color}`} style={{ width: `${(i.value / max) * 100}%` }} />
          </span>
          <span className="text-right tabular-nums text-slate-900">
            <span data-testid="bar-value">{i.value}</span> <span className="text-xs text-slate-600">({pct(i.value, total)})</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Submissions by outcome: quoted, declined, no response, bound (percent of submissions). */
export function OutcomeBars({ f }: { f: MarketFigures }) {
  return (
    <Bars
      label="Outcomes of the submissions"
      testId="outcome-bars"
      total={f.submissions}
      items={[
        { key: "quoted", label: "Quoted", value: f.quotes, color: "bg-emerald-600" },
        { key: "declined", label: "Declined", value: f.declines, color: "bg-red-600" },
        { key: "no_response", label: "No response", value: f.no_response, color: "bg-amber-500" },
        { key: "bound", label: "Bound", value: f.binds, color: "bg-indigo-600" },
      ]}
    />
  );
}

/** Declinations by reason code (percent of declinations). */
export function ReasonBars({ f }: { f: MarketFigures }) {
  return (
    <Bars
      label="Declinations by reason"
      testId="reason-bars"
      total={f.declines}
      items={DECLINE_REASONS.map((r) => ({ key: r, label: REASON_LABEL[r], value: f.decline_reasons[r], color: "bg-red-500" }))}
    />
  );
}

/** Quotes by days from submission to quote: one column per bucket. */
export function DaysHistogram({ f }: { f: MarketFigures }) {
  const max = Math.max(1, ...DAYS_BUCKETS.map(([b]) => f.days_to_quote[b]));
  return (
    <ul aria-label="Quotes by days from submission to quote" className="flex h-44 items-end gap-3" data-testid="days-histogram">
      {DAYS_BUCKETS.map(([b]) => {
        const n = f.days_to_quote[b];
        return (
          <li key={b} className="flex h-full flex-1 flex-col items-center justify-end gap-1 text-sm" data-key={b}>
            <span className="tabular-nums text-slate-900" data-testid="bar-value">
              {n}
            </span>
            <span aria-hidden="true" className="flex w-full flex-1 items-end">
              <span className="block w-full rounded-t-sm bg-sky-600" style={{ height: `${(n / max) * 100}%`, minHeight: n > 0 ? 2 : 0 }} />
            </span>
            <span className="text-xs text-slate-600">
              {b} <span className="sr-only">days</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
