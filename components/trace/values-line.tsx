import { formatValue, humanize } from "@/components/trace/format";
import type { Values } from "@/components/trace/types";
import { cn } from "@/lib/cn";

/** The data a rule looked at, as compact "label value" pairs. */
export function ValuesLine({ values, className = "" }: { values?: Values; className?: string }) {
  // null means "not given or not applicable": listing it adds nothing to the evidence.
  const entries = Object.entries(values ?? {}).filter(([, v]) => v !== null && v !== undefined);
  if (entries.length === 0) return null;
  return (
    <dl className={cn("flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-slate-600", className)}>
      {entries.map(([k, v]) => (
        <div key={k} className="flex min-w-0 gap-1">
          <dt className="shrink-0">{humanize(k)}:</dt>
          <dd className="min-w-0 break-words font-medium text-slate-800">{formatValue(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}
