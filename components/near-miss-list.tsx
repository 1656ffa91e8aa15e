import type { NearMiss } from "@/components/trace/types";

// "Almost eligible": carriers eliminated only by filters they miss by a documented margin, with
// what would make each eligible. Shared by the results page and the audit trace.

export function NearMissList({ nearMisses, limit }: { nearMisses: NearMiss[]; limit?: number }) {
  const list = limit ? nearMisses.slice(0, limit) : nearMisses;
  return (
    <ul className="divide-y divide-amber-200 overflow-hidden rounded-lg border border-amber-200 bg-amber-50/50" data-testid="near-misses">
      {list.map((n) => (
        <li key={n.id} className="px-4 py-2.5 text-sm" data-testid="near-miss">
          <p className="font-medium text-slate-900">
            {n.name}
            {n.market && <span className="ml-2 text-xs font-normal text-slate-600">{n.market === "surplus_lines" ? "surplus lines" : "admitted"}</span>}
          </p>
          <ul className="mt-0.5 space-y-0.5 text-slate-700">
            {n.failed.map((f) => (
              <li key={f.code}>
                <span>{f.margin}</span>: <span className="text-slate-900">{f.fix}</span> <code className="font-mono text-xs text-slate-500">{f.code}</code>
              </li>
            ))}
          </ul>
        </li>
      ))}
      {limit && nearMisses.length > limit && <li className="px-4 py-2 text-xs text-slate-600">{nearMisses.length - limit} more in the audit trace</li>}
    </ul>
  );
}
