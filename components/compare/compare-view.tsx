"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/components/api";
import { Card, ErrorNote, Spinner, TIER_LABEL } from "@/components/ui/badges";
import { LocalTime } from "@/components/ui/local-time";
import type { CompareResponse } from "@/lib/compare/schemas";
import { ChangeRow } from "./change-row";

type Change = CompareResponse["candidates"][number];

const GROUPS = [
  { id: "all", label: "All changes", test: () => true },
  { id: "material", label: "Material", test: (c: Change) => c.material },
  { id: "eligibility", label: "Eligibility", test: (c: Change) => c.kinds.includes("entered") || c.kinds.includes("left") },
  { id: "tier", label: "Tier", test: (c: Change) => c.kinds.includes("tier") },
  { id: "levels", label: "Levels", test: (c: Change) => c.kinds.includes("levels") },
  { id: "rank", label: "Rank", test: (c: Change) => c.kinds.includes("rank") },
] as const;
type GroupId = (typeof GROUPS)[number]["id"];

const PAGE = 100;

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "number") return v.toLocaleString("en-US");
  return typeof v === "string" ? ((TIER_LABEL as Record<string, string>)[v] ?? v) : JSON.stringify(v);
}
const fieldLabel = (f: string) => (f.startsWith("profile.") ? f.slice(8) : f).replace(/_/g, " ");

export function useComparison(a: string, b: string) {
  return useQuery({
    queryKey: ["compare", a, b],
    queryFn: () => api<CompareResponse>(`/api/v1/jobs/${encodeURIComponent(a)}/compare/${encodeURIComponent(b)}`),
    staleTime: Infinity,
    retry: 1,
  });
}

/** "What changed" between evaluation a (before) and b (after). */
export function CompareView({ a, b }: { a: string; b: string }) {
  const q = useComparison(a, b);
  const [group, setGroup] = useState<GroupId>("all");
  const [shown, setShown] = useState(PAGE);
  const counts = useMemo(() => Object.fromEntries(GROUPS.map((g) => [g.id, q.data?.candidates.filter(g.test).length ?? 0])), [q.data]);
  const rows = useMemo(() => q.data?.candidates.filter(GROUPS.find((g) => g.id === group)!.test) ?? [], [q.data, group]);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium text-slate-500">
          <Link href="/jobs" className="hover:underline">
            History
          </Link>
          <span aria-hidden="true"> / </span>
          <Link href={`/jobs/${b}`} className="font-mono hover:underline">
            {b}
          </Link>
          <span aria-hidden="true"> / </span>
          What changed
        </p>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <h1 className="text-2xl font-bold tracking-tight">What changed</h1>
          <Link
            href={`/jobs/${b}/compare/${a}`}
            className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Swap before and after
          </Link>
        </div>
        {q.data && (
          <p className="text-sm text-slate-600" data-testid="compare-sides">
            Before{" "}
            <Link className="font-mono text-indigo-800 hover:underline" href={`/jobs/${a}`}>
              {a}
            </Link>{" "}
            ({q.data.a.entity}, <LocalTime iso={q.data.a.created_at} />) → after{" "}
            <Link className="font-mono text-indigo-800 hover:underline" href={`/jobs/${b}`}>
              {b}
            </Link>{" "}
            ({q.data.b.entity}, <LocalTime iso={q.data.b.created_at} />)
          </p>
        )}
      </header>

      {q.isError ? (
        <ErrorNote>These two evaluations cannot be compared: {q.error.message}</ErrorNote>
      ) : !q.data ? (
        <Card>
          <Spinner label="Comparing…" />
        </Card>
      ) : (
        <>
          <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            <Card title="Inputs">
              {q.data.inputs.length === 0 ? (
                <p className="text-sm text-slate-600">Same profile, pool version, rules and engine.</p>
              ) : (
                <table className="w-full text-sm" data-testid="compare-inputs">
                  <thead>
                    <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                      <th scope="col" className="pb-2 font-semibold">
                        Field
                      </th>
                      <th scope="col" className="pb-2 font-semibold">
                        Before
                      </th>
                      <th scope="col" className="pb-2 font-semibold">
                        After
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.data.inputs.map((i) => (
                      <tr key={i.field} className="border-t border-slate-100">
                        <th scope="row" className="py-1.5 pr-3 text-left font-medium text-slate-700">
                          {fieldLabel(i.field)}
                        </th>
                        <td className="py-1.5 pr-3 text-slate-600">{show(i.a)}</td>
                        <td className="py-1.5 font-medium text-slate-900">{show(i.b)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Card>
            <Card title="In short">
              <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800" data-testid="compare-summary">
                {q.data.summary.sentences.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
              {q.data.summary.material && (
                <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
                  Material change: eligibility or the top tier is different.
                </p>
              )}
            </Card>
          </div>

          <section aria-labelledby="changes-h" className="rounded-lg border border-slate-200 bg-white shadow-sm">
            <header className="flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 px-5 py-3">
              <h2 id="changes-h" className="text-base font-semibold text-slate-900">
                Candidates that moved
              </h2>
              <div role="group" aria-label="Show" className="flex flex-wrap gap-1.5">
                {GROUPS.map((g) => (
                  <button
                    key={g.id}
                    type="button"
                    aria-pressed={group === g.id}
                    onClick={() => {
                      setGroup(g.id);
                      setShown(PAGE);
                    }}
                    className={`rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset ${group === g.id ? "bg-indigo-700 text-white ring-indigo-700" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
                  >
                    {g.label} <span className="tabular-nums">{counts[g.id]}</span>
                  </button>
                ))}
              </div>
            </header>
            {rows.length === 0 ? (
              <p className="p-5 text-sm text-slate-600">No candidate changed this way.</p>
            ) : (
              <table className="w-full table-fixed text-sm" data-testid="compare-candidates">
                <colgroup>
                  <col className="w-[22%]" />
                  <col className="w-[21%]" />
                  <col className="w-[21%]" />
                  <col className="w-[8%]" />
                  <col className="w-[28%]" />
                </colgroup>
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-5 py-2 font-semibold">
                      Candidate
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      Before
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      After
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      Rank
                    </th>
                    <th scope="col" className="px-5 py-2 font-semibold">
                      What changed
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, shown).map((c) => (
                    <ChangeRow key={c.id} change={c} />
                  ))}
                </tbody>
              </table>
            )}
            {rows.length > shown && (
              <div className="border-t border-slate-200 p-4 text-center">
                <button type="button" onClick={() => setShown((n) => n + PAGE)} className="text-sm font-medium text-indigo-800 hover:underline">
                  Show {Math.min(PAGE, rows.length - shown)} more of {rows.length - shown}
                </button>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
