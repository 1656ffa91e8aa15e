import { ConfidenceBadge, TierBadge } from "@/components/ui/badges";
import { LevelChip } from "@/components/ui/badges";
import { humanize } from "@/components/trace/format";
import { ValuesLine } from "@/components/trace/values-line";
import type { ScoredCandidate } from "@/components/trace/types";

/** Why one candidate got its levels, tier and confidence: each rule and the data it used. */
export function CandidateEvidence({ candidate: c, dimensions }: { candidate: ScoredCandidate; dimensions: string[] }) {
  if (!c.evidence) {
    return <p className="text-sm text-slate-700">The evidence for this candidate is not available: its pool record could not be loaded.</p>;
  }
  return (
    <div className="space-y-3">
      <table className="w-full rounded-md border border-slate-200 bg-white text-sm">
        <caption className="sr-only">Evidence for {c.name}</caption>
        <thead className="border-b border-slate-200 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="w-32 px-3 py-2">
              Dimension
            </th>
            <th scope="col" className="w-16 px-3 py-2">
              Level
            </th>
            <th scope="col" className="px-3 py-2">
              Evidence
            </th>
            <th scope="col" className="w-2/5 px-3 py-2">
              Rule
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {dimensions.map((d) => {
            const e = c.evidence?.[d];
            if (!e) return null;
            return (
              <tr key={d} data-testid="evidence-row">
                <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                  {humanize(d)}
                </th>
                <td className="px-3 py-2">
                  <LevelChip level={e.level} label={humanize(d)} />
                </td>
                <td className="px-3 py-2">
                  <p className="text-slate-900">{e.evidence}</p>
                  <ValuesLine values={e.values} className="mt-1" />
                </td>
                <td className="px-3 py-2 text-slate-700">{e.rule}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="grid gap-3 text-sm md:grid-cols-2">
        <div className="rounded-md border border-slate-200 bg-white px-3 py-2">
          <dt className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
            Tier <TierBadge tier={c.tier} />
          </dt>
          <dd className="mt-1 text-slate-800">{c.tier_rule ?? "—"}</dd>
        </div>
        <div className="rounded-md border border-slate-200 bg-white px-3 py-2">
          <dt className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
            Confidence <ConfidenceBadge confidence={c.confidence} />
          </dt>
          <dd className="mt-1 text-slate-800">
            {c.confidence_rule ?? "—"}
            <ValuesLine values={c.confidence_values} className="mt-1" />
          </dd>
        </div>
      </dl>
      {c.reasoning && (
        <p className="text-sm text-slate-800">
          <span className="font-semibold">Reasoning: </span>
          {c.reasoning}
        </p>
      )}
    </div>
  );
}
