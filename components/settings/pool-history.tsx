"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/components/api";
import { Spinner } from "@/components/ui/badges";
import { formatInt } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { Panel, inputClass } from "@/components/settings/panel";
import { LoadError, Table, td, th } from "@/components/settings/table-states";
import type { ListPoolVersionsResponse, PoolDiffResponse } from "@/lib/compare/schemas";

const SHOWN_CHANGES = 50;
const poolPath = (pool: string) => `/api/v1/pools/${encodeURIComponent(pool)}/versions`;

const value = (v: unknown) =>
  v === null || v === undefined ? "—" : Array.isArray(v) ? v.join(", ") || "none" : typeof v === "object" ? JSON.stringify(v) : String(v);

/** One pool's versions, and what changed between two of them (in words, then field by field). */
export function PoolHistory({ pool, onClose }: { pool: string; onClose: () => void }) {
  const fromId = useId();
  const toId = useId();
  const versions = useQuery({ queryKey: ["pool-versions", pool], queryFn: () => api<ListPoolVersionsResponse>(poolPath(pool)) });
  // Until the reader picks two versions, compare the newest with the one before it.
  const [picked, setRange] = useState<{ from: number; to: number } | null>(null);
  const loaded = versions.data?.data;
  const range = picked ?? (loaded && loaded.length >= 2 ? { from: loaded[1].version, to: loaded[0].version } : null);
  const diff = useQuery({
    queryKey: ["pool-diff", pool, range?.from, range?.to],
    queryFn: () => api<PoolDiffResponse>(`${poolPath(pool)}/${range!.from}/diff/${range!.to}`),
    enabled: !!range && range.from !== range.to,
    staleTime: Infinity,
  });

  // Opened from a row far up the list: bring the history into view.
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => top.current?.scrollIntoView({ block: "start" }), [pool]);

  const list = versions.data?.data ?? [];
  return (
    <div ref={top} className="scroll-mt-4">
      <Panel
        id="pool-history"
        title={`History of ${pool}`}
        description="Every import makes a new version; evaluations keep the version they used. Pick two versions to see what changed."
        actions={
          <button type="button" onClick={onClose} className="text-sm font-medium text-slate-700 hover:underline">
            Close
          </button>
        }
        flush
      >
        {versions.isError ? (
          <LoadError what="the versions" error={versions.error} retry={() => versions.refetch()} />
        ) : !versions.data ? (
          <div className="p-5">
            <Spinner label="Loading versions…" />
          </div>
        ) : (
          <div>
            <div className="border-b border-slate-200">
              <Table
                caption={`Versions of ${pool}`}
                head={
                  <tr>
                    <th scope="col" className={th}>
                      Version
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      Candidates
                    </th>
                    <th scope="col" className={th}>
                      Source
                    </th>
                    <th scope="col" className={th}>
                      Created
                    </th>
                  </tr>
                }
              >
                {list.map((v) => (
                  <tr key={v.version} data-testid="pool-version-row">
                    <td className={td}>
                      v{v.version}{" "}
                      {v.current && <span className="ml-1 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">current</span>}
                    </td>
                    <td className={`${td} text-right tabular-nums`}>{formatInt(v.size)}</td>
                    <td className={td}>{v.source}</td>
                    <td className={td}>
                      <LocalTime iso={v.created_at} />
                    </td>
                  </tr>
                ))}
              </Table>
            </div>
            <div className="space-y-4 p-5">
              {list.length < 2 ? (
                <p className="text-sm text-slate-600">Only one version so far: import the pool again to see a difference.</p>
              ) : (
                <>
                  <div className="flex flex-wrap items-end gap-3">
                    {(["from", "to"] as const).map((k) => (
                      <div key={k}>
                        <label htmlFor={k === "from" ? fromId : toId} className="block text-sm font-medium text-slate-800">
                          {k === "from" ? "From" : "To"}
                        </label>
                        <select
                          id={k === "from" ? fromId : toId}
                          value={range?.[k] ?? ""}
                          onChange={(e) => setRange((r) => ({ ...(r ?? { from: list[1].version, to: list[0].version }), [k]: Number(e.target.value) }))}
                          className={`mt-1 ${inputClass()}`}
                        >
                          {list.map((v) => (
                            <option key={v.version} value={v.version}>
                              v{v.version}
                            </option>
                          ))}
                        </select>
                      </div>
                    ))}
                  </div>
                  {range && range.from === range.to ? (
                    <p className="text-sm text-slate-600">Pick two different versions.</p>
                  ) : diff.isError ? (
                    <LoadError what="the differences" error={diff.error} retry={() => diff.refetch()} />
                  ) : !diff.data ? (
                    <Spinner label="Comparing versions…" />
                  ) : (
                    <DiffBody diff={diff.data} />
                  )}
                </>
              )}
            </div>
          </div>
        )}
      </Panel>
    </div>
  );
}

function DiffBody({ diff }: { diff: PoolDiffResponse }) {
  return (
    <div className="space-y-4" data-testid="pool-diff">
      <div>
        <h3 className="text-sm font-semibold text-slate-900">
          v{diff.from} → v{diff.to} in short
        </h3>
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-800" data-testid="pool-diff-summary">
          {diff.summary.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        <p className="mt-1 text-xs text-slate-500">
          {formatInt(diff.added.length)} added · {formatInt(diff.removed.length)} removed · {formatInt(diff.changed.length)} changed ·{" "}
          {formatInt(diff.unchanged)} unchanged
        </p>
      </div>
      {diff.changed.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Field by field</h3>
          <ul className="mt-1 divide-y divide-slate-100 text-sm">
            {diff.changed.slice(0, SHOWN_CHANGES).map((c) => (
              <li key={c.id} className="py-2">
                <p className="font-medium text-slate-900">{c.name}</p>
                <ul className="mt-0.5 space-y-0.5 text-xs text-slate-700">
                  {c.changes.map((f) => (
                    <li key={f.path}>
                      <code className="font-mono">{f.path}</code>:{" "}
                      {f.added || f.removed ? (
                        <>
                          {f.removed?.length ? <span className="text-red-800">−{f.removed.join(", ")}</span> : null}
                          {f.removed?.length && f.added?.length ? " " : null}
                          {f.added?.length ? <span className="text-emerald-800">+{f.added.join(", ")}</span> : null}
                        </>
                      ) : (
                        <>
                          <span className="text-slate-500">{value(f.a)}</span> → <span className="font-medium">{value(f.b)}</span>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {diff.changed.length > SHOWN_CHANGES && (
            <p className="mt-2 text-xs text-slate-500">
              and {formatInt(diff.changed.length - SHOWN_CHANGES)} more changed candidates (the API lists them all).
            </p>
          )}
        </div>
      )}
    </div>
  );
}
