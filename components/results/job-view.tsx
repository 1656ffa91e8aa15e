"use client";

import Link from "next/link";
import { useRef, useState, type KeyboardEvent } from "react";
import { PlanBoard } from "@/components/plan/plan-board";
import { appendToPlan, usePlan, usePutPlan } from "@/components/plan/use-plan";
import { ErrorNote, Spinner } from "@/components/ui/badges";
import { formatInt, formatMoney } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { isMoney, type FieldMeta } from "@/components/evaluation-form/types";
import { JobProgress } from "./job-progress";
import { Results } from "./results";
import { SummarySkeleton } from "./summary";
import { isDone, useJob, type Job } from "./use-job";

export type JobHead = Omit<Job, "candidates">;

function show(value: unknown, field: FieldMeta | undefined): string {
  if (typeof value === "number") return field && isMoney(field) ? formatMoney(value) : formatInt(value);
  const option = field?.options?.find((o) => o.value === value);
  return option ? option.label : String(value);
}

/** The submitted profile in the domain's words ("Line of business: Professional liability (E&O)"). */
function ProfileLine({ profile, fields }: { profile: Record<string, unknown>; fields: FieldMeta[] }) {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const order = (k: string) => (byName.has(k) ? fields.indexOf(byName.get(k)!) : fields.length);
  const entries = Object.entries(profile)
    .filter(([k, v]) => k !== "entity" && v !== null && v !== undefined && v !== "")
    .sort(([a], [b]) => order(a) - order(b));
  if (entries.length === 0) return null;
  return (
    <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-label="Profile">
      {entries.map(([k, v]) => (
        <div key={k} className="flex gap-1.5">
          <dt className="text-slate-500">{byName.get(k)?.title.replace(/ \(USD\)$/, "") ?? k.replace(/_/g, " ")}</dt>
          <dd className="font-medium text-slate-800">{show(v, byName.get(k))}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Reserved space while the job works or the result loads, about as tall as the results' top. */
function Pending({ status }: { status: string }) {
  return (
    <div className="space-y-4">
      <SummarySkeleton>
        <Spinner label={status === "queued" ? "Waiting for a worker…" : status === "running" ? "Evaluating candidates…" : "Loading results…"} />
      </SummarySkeleton>
      <div className="min-h-[420px] rounded-lg border border-slate-200 bg-white shadow-sm" aria-hidden="true">
        <div className="h-[180px] space-y-4 border-b border-slate-200 p-5">
          <div className="h-4 w-48 animate-pulse rounded bg-slate-100" />
          <div className="flex gap-6">
            <div className="h-9 w-56 animate-pulse rounded bg-slate-100" />
            <div className="h-20 w-28 animate-pulse rounded bg-slate-100" />
            <div className="h-20 w-28 animate-pulse rounded bg-slate-100" />
            <div className="h-20 flex-1 animate-pulse rounded bg-slate-100" />
          </div>
        </div>
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="flex h-12 items-center gap-6 border-b border-slate-100 px-5">
            <div className="h-3 w-1/3 animate-pulse rounded bg-slate-100" />
            <div className="h-3 w-20 animate-pulse rounded bg-slate-100" />
            <div className="h-3 w-1/4 animate-pulse rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * Where this evaluation came from (an edited re-run, or a re-check after a pool or rules change)
 * with "What changed"; and, on an original, the latest re-check that changed materially.
 */
function Lineage({ job, changedSince }: { job: JobHead; changedSince: Job["changed_since"] }) {
  if (!job.source && !changedSince) return null;
  const link = "font-medium text-indigo-800 underline hover:text-indigo-950";
  return (
    <div className="flex flex-col gap-2 text-sm">
      {job.source && (
        <p data-testid="job-source" className="rounded-md bg-indigo-50 px-3 py-2 text-indigo-950 ring-1 ring-inset ring-indigo-200">
          {job.source.kind === "rerun" ? "Re-run of " : "Re-check of "}
          <Link href={`/jobs/${job.source.eval_id}`} className="font-mono underline">
            {job.source.eval_id}
          </Link>
          {job.source.kind === "recheck" && " after a pool or scoring-rules change"}
          {" · "}
          <Link href={`/jobs/${job.source.eval_id}/compare/${job.eval_id}`} className={link}>
            What changed
          </Link>
        </p>
      )}
      {changedSince && (
        <p data-testid="job-changed-since" className="rounded-md bg-amber-50 px-3 py-2 text-amber-950 ring-1 ring-inset ring-amber-200">
          Changed since: a re-check on <LocalTime iso={changedSince.compared_at} /> found a material change
          {changedSince.sentences[0] ? `: ${changedSince.sentences[0]}` : ""}
          {" · "}
          <Link href={`/jobs/${job.eval_id}/compare/${changedSince.eval_id}`} className={link}>
            What changed
          </Link>
        </p>
      )}
    </div>
  );
}

/** One evaluation: its live status while it works, then its results (or its error). */
export function JobView({ initial, fields }: { initial: JobHead; fields: FieldMeta[] }) {
  const query = useJob(initial.eval_id);
  const job: JobHead = query.data ?? initial;
  const entity = typeof job.profile.entity === "string" ? job.profile.entity : job.eval_id;

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="text-sm font-medium text-slate-500">
              <Link href="/jobs" className="hover:underline">
                History
              </Link>
              <span aria-hidden="true"> / </span>
              <span className="font-mono">{job.eval_id}</span>
            </p>
            <h1 className="mt-1 text-2xl font-bold tracking-tight">{entity}</h1>
          </div>
          <div className="flex gap-2">
            <Link
              href={`/traces/${job.eval_id}`}
              className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Audit trace
            </Link>
            <Link
              href={`/jobs/new?from=${job.eval_id}`}
              className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Edit and re-run
            </Link>
            <Link href="/jobs/new" className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
              New evaluation
            </Link>
          </div>
        </div>
        <p className="text-sm text-slate-600">
          Pool <span className="font-mono text-slate-800">{job.pool}</span> v{job.pool_version} · submitted <LocalTime iso={job.created_at} />
          {job.engine_version && <> · engine {job.engine_version}</>}
        </p>
        <ProfileLine profile={job.profile} fields={fields} />
        <Lineage job={job} changedSince={query.data?.changed_since ?? null} />
        <JobProgress job={job} />
      </header>

      {query.isError && !isDone(job.status) && <ErrorNote>Lost contact with the server ({query.error.message}); still trying.</ErrorNote>}

      {job.status === "failed" ? (
        <ErrorNote>
          <p className="font-semibold">The evaluation failed{job.error ? ` (${job.error.code})` : ""}.</p>
          <p className="mt-1" data-testid="job-error">
            {job.error?.message ?? "No reason was recorded."}
          </p>
        </ErrorNote>
      ) : job.status === "completed" && query.data?.candidates ? (
        <CompletedTabs
          evalId={job.eval_id}
          poolSize={query.data.pool_size ?? 0}
          eligible={query.data.filtered ?? query.data.candidates.length}
          candidates={query.data.candidates}
          nearMisses={query.data.near_misses ?? []}
        />
      ) : query.isError && isDone(job.status) ? (
        <ErrorNote>The results could not be loaded: {query.error.message}</ErrorNote>
      ) : (
        <Pending status={job.status} />
      )}
    </div>
  );
}

const TABS = ["results", "plan"] as const;
type Tab = (typeof TABS)[number];

/** A completed job: the ranked results, and the market plan built from them (ARIA tabs: ←/→ switch). */
function CompletedTabs(props: Omit<Parameters<typeof Results>[0], "onAddToPlan">) {
  const [tab, setTab] = useState<Tab>("results");
  const [note, setNote] = useState("");
  const plan = usePlan(props.evalId);
  const put = usePutPlan(props.evalId);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ results: null, plan: null });
  const planned = plan.data?.entries.length ?? 0;

  const addToPlan = (ids: string[]) =>
    put.mutate(appendToPlan(plan.data, ids), {
      onSuccess: (p) => {
        setNote(`Added to the plan; it now has ${p.entries.length} carrier${p.entries.length === 1 ? "" : "s"}.`);
        setTab("plan");
      },
      onError: (e) => setNote(`Could not add to the plan: ${e.message}`),
    });
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length];
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="Evaluation views" className="flex gap-1 border-b border-slate-200" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t}
            ref={(el) => void (tabRefs.current[t] = el)}
            role="tab"
            id={`tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${tab === t ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t === "results" ? "Results" : `Plan${planned ? ` (${planned})` : ""}`}
          </button>
        ))}
      </div>
      <p className="sr-only" aria-live="polite">
        {note}
      </p>
      {put.isError && <ErrorNote>{put.error.message}</ErrorNote>}
      <div role="tabpanel" id="panel-results" aria-labelledby="tab-results" hidden={tab !== "results"}>
        <Results {...props} onAddToPlan={addToPlan} />
      </div>
      <div role="tabpanel" id="panel-plan" aria-labelledby="tab-plan" hidden={tab !== "plan"}>
        {tab === "plan" && <PlanBoard evalId={props.evalId} />}
      </div>
    </div>
  );
}
