import type { ReactNode } from "react";
import { Card, ErrorNote, StatusBadge, TestBadge } from "@/components/ui/badges";
import { formatDateTime, formatNumber, formatTimings, formatValue, humanize } from "@/components/trace/format";
import { EliminatedList } from "@/components/trace/eliminated-list";
import { ScoredList } from "@/components/trace/scored-list";
import { RulesInForce } from "@/components/trace/rules-in-force";
import { NearMissList } from "@/components/near-miss-list";
import type { TraceData } from "@/components/trace/types";

// The audit trace for people: what went in, what ran, every candidate's decision. Rendered on the
// server; only the long lists (search, expand, paging) are client components.

const DEFAULT_DIMENSIONS = ["appetite", "coverage", "financial", "pricing", "placement", "service"];

export function TraceReport({ trace, actions, aside, pending }: { trace: TraceData; actions?: ReactNode; aside?: ReactNode; pending?: ReactNode }) {
  const dimensions = trace.scored[0] ? Object.keys(trace.scored[0].scores) : DEFAULT_DIMENSIONS;
  const eliminatedCount = trace.eliminated.reduce((n, g) => n + g.count, 0);
  const entity = typeof trace.profile.entity === "string" ? trace.profile.entity : null;

  return (
    <div className="space-y-6">
      <header className="flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
        <div className="min-w-0">
          <p className="text-sm font-medium text-indigo-800">Audit trace</p>
          <h1 className="mt-1 truncate text-2xl font-bold tracking-tight text-slate-900">{entity ?? trace.eval_id}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
            <code className="font-mono text-slate-800">{trace.eval_id}</code>
            <StatusBadge status={trace.status} />
            {trace.livemode === false && <TestBadge />}
            <span>{trace.completed_at ? `Completed ${formatDateTime(trace.completed_at)}` : `Submitted ${formatDateTime(trace.created_at)}`}</span>
          </p>
        </div>
        {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
      </header>

      {trace.status === "failed" && (
        <ErrorNote>
          <p className="font-semibold">The evaluation failed{trace.error?.code ? ` (${trace.error.code})` : ""}.</p>
          {trace.error?.message && <p className="mt-1">{trace.error.message}</p>}
        </ErrorNote>
      )}
      {(trace.status === "queued" || trace.status === "running") && pending}

      {trace.status === "completed" && (trace.notes?.length ?? 0) > 0 && (
        <div className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="trace-notes">
          {trace.notes!.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}

      {trace.status === "completed" && (
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label="Evaluated" value={trace.pool_size} />
          <Stat label="Eligible and scored" value={trace.filtered ?? trace.scored.length} />
          <Stat label="Eliminated" value={eliminatedCount} />
          <Stat label="Strong fits" value={trace.scored.filter((c) => c.tier === "STRONG_FIT").length} />
        </dl>
      )}

      <div className={`grid items-start gap-6 ${aside ? "lg:grid-cols-3" : "lg:grid-cols-2"}`}>
        <Card title="Inputs">
          <KeyValues entries={Object.entries(trace.profile).map(([k, v]) => [humanize(k), formatValue(k, v)])} />
        </Card>
        <Card title="Run">
          <KeyValues
            entries={[
              ["Pool", `${trace.pool} · version ${trace.pool_version}`],
              ["Domain", trace.domain],
              ["Engine version", trace.engine_version ?? "—"],
              ["Data as of", formatDateTime(trace.as_of)],
              ["Scoring rules", formatRulesVersion(trace.rules_version)],
              [
                "Rules hash",
                <code key="h" className="break-all font-mono text-xs" title={trace.rules_hash}>
                  {trace.rules_hash ?? "—"}
                </code>,
              ],
              ["Submitted", formatDateTime(trace.created_at)],
              ["Started", formatDateTime(trace.started_at)],
              ["Completed", formatDateTime(trace.completed_at)],
              ["Timings", formatTimings(trace.timings)],
            ]}
          />
        </Card>
        {aside}
      </div>

      {trace.status === "completed" && (
        <>
          <section aria-labelledby="scored-heading" className="space-y-3">
            <SectionHeading id="scored-heading" title="Scored candidates" count={trace.scored.length}>
              Candidates that passed every eligibility filter, best first. Open a row to see the rule and data behind each level.
            </SectionHeading>
            <ScoredList scored={trace.scored} dimensions={dimensions} />
          </section>

          {(trace.near_misses?.length ?? 0) > 0 && (
            <section aria-labelledby="near-heading" className="space-y-3">
              <SectionHeading id="near-heading" title="Almost eligible" count={trace.near_misses!.length}>
                Eliminated, but within the documented margin of every filter they failed; what would make each eligible.
              </SectionHeading>
              <NearMissList nearMisses={trace.near_misses!} />
            </section>
          )}

          <section aria-labelledby="eliminated-heading" className="space-y-3">
            <SectionHeading id="eliminated-heading" title="Eliminated candidates" count={eliminatedCount}>
              Candidates removed by an eligibility filter, grouped by the first rule that removed them; every other rule they fail is listed with them.
            </SectionHeading>
            <EliminatedList groups={trace.eliminated} />
          </section>

          {trace.rules && <RulesInForce rules={trace.rules} rulesHash={trace.rules_hash} rulesVersion={trace.rules_version} />}
        </>
      )}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-2xl font-semibold tabular-nums text-slate-900">{value === undefined ? "—" : formatNumber(value)}</dd>
    </div>
  );
}

function SectionHeading({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  return (
    <div>
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title} <span className="font-normal tabular-nums text-slate-600">({formatNumber(count)})</span>
      </h2>
      <p className="text-sm text-slate-600">{children}</p>
    </div>
  );
}

function KeyValues({ entries }: { entries: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-600">{k}</dt>
          <dd className="min-w-0 break-words font-medium text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Version 0 (or a trace stored before rule sets existed) is the domain's defaults. */
function formatRulesVersion(version: number | undefined) {
  return version ? `Organization rules, version ${version}` : "Defaults (version 0)";
}
