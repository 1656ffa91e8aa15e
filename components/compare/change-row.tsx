"use client";

import { LevelChip, TierBadge } from "@/components/ui/badges";
import type { CompareResponse } from "@/lib/compare/schemas";

type Change = CompareResponse["candidates"][number];
type Side = Change["a"];
type FilterInfo = NonNullable<Change["filter"]>["a"];

const LEVELS = new Set(["L1", "L2", "L3", "L4"]);
const TIERS = new Set(["STRONG_FIT", "MODERATE_FIT", "WEAK_FIT"]);
const KIND_WORDS: Partial<Record<Change["kinds"][number], string>> = {
  entered: "Became eligible",
  left: "No longer eligible",
  entered_top_tier: "Entered the top tier",
  left_top_tier: "Left the top tier",
  tier: "Tier",
  confidence: "Confidence",
  added_to_pool: "Added to the pool",
  removed_from_pool: "Removed from the pool",
};

const humanize = (code: string) => code.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

function Level({ level, label }: { level: string | null; label: string }) {
  if (!level) return <span className="text-slate-400">—</span>;
  return LEVELS.has(level) ? <LevelChip level={level as "L1"} label={label} /> : <span className="font-mono text-xs">{level}</span>;
}

function SideCell({ side, filter }: { side: Side; filter: FilterInfo | undefined }) {
  if (side.status === "eligible") {
    return (
      <span className="inline-flex items-center gap-2 whitespace-nowrap">
        <span className="tabular-nums text-slate-500">#{side.rank}</span>
        {TIERS.has(side.tier) ? <TierBadge tier={side.tier as "STRONG_FIT"} /> : side.tier}
      </span>
    );
  }
  if (side.status === "absent") return <span className="text-slate-500">Not in the pool</span>;
  return (
    <span className="text-red-800" title={filter?.applied ?? filter?.rule ?? side.filter}>
      Filtered: {filter?.rule ?? humanize(side.filter)}
    </span>
  );
}

/** One candidate that moved: both sides, rank movement, and each change with its evidence. */
export function ChangeRow({ change: c }: { change: Change }) {
  const rank = c.rank;
  return (
    <tr className="border-t border-slate-100 align-top" data-testid="change-row" data-candidate={c.name} data-material={c.material}>
      <th scope="row" className="px-5 py-2.5 text-left font-medium text-slate-900">
        {c.name}
        {c.material && (
          <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-amber-900">Material</span>
        )}
      </th>
      <td className="px-3 py-2.5">
        <SideCell side={c.a} filter={c.filter?.a} />
      </td>
      <td className="px-3 py-2.5">
        <SideCell side={c.b} filter={c.filter?.b} />
      </td>
      <td className="px-3 py-2.5 tabular-nums">
        {rank ? (
          <span className={rank.moved > 0 ? "text-emerald-800" : "text-red-800"} aria-label={`${rank.moved > 0 ? "up" : "down"} ${Math.abs(rank.moved)}`}>
            {rank.moved > 0 ? "▲" : "▼"} {Math.abs(rank.moved)}
          </span>
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </td>
      <td className="px-5 py-2.5">
        <ul className="space-y-1">
          {c.kinds
            .filter((k) => KIND_WORDS[k] && k !== "tier")
            .map((k) => (
              <li key={k} className="text-slate-700">
                {KIND_WORDS[k]}
              </li>
            ))}
          {c.tier && (
            <li className="text-slate-700">
              Tier {(c.tier.a ?? "").replace(/_FIT$/, "").toLowerCase()} → {(c.tier.b ?? "").replace(/_FIT$/, "").toLowerCase()}
            </li>
          )}
          {c.levels?.map((l) => (
            <li key={l.dimension}>
              <details className="group">
                <summary className="flex cursor-pointer items-center gap-1.5 text-slate-700">
                  <span className="w-20 capitalize">{l.dimension}</span>
                  <Level level={l.a} label={`${l.dimension} before`} />
                  <span aria-hidden="true">→</span>
                  <Level level={l.b} label={`${l.dimension} after`} />
                </summary>
                {l.evidence && (
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded bg-slate-50 p-2 text-xs text-slate-700">
                    <dt className="font-semibold">Before</dt>
                    <dd>{l.evidence.a?.evidence ?? "—"}</dd>
                    <dt className="font-semibold">After</dt>
                    <dd>{l.evidence.b?.evidence ?? "—"}</dd>
                  </dl>
                )}
              </details>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
