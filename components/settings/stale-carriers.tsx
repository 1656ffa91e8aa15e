"use client";

import { useId, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/components/api";
import { Button } from "@/components/ui/button";
import { EmptyState, Spinner } from "@/components/ui/badges";
import { formatInt, percent } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { usePools } from "@/components/evaluation-form/use-pools";
import { Panel, inputClass } from "@/components/settings/panel";
import { LoadError, Table, td, th } from "@/components/settings/table-states";
import type { StaleCarriersResponse } from "@/lib/stale/schemas";

// Settings → Pools → Stale data to re-verify: carriers that rank often in the organization's
// evaluations on a pool but whose appetite data is old (GET /api/v1/pools/{pool}/stale-carriers),
// with the thresholds as controls, pages of 25 and a CSV export of every matching row.

const PAGE = 25;
const PERIODS = [30, 90, 180, 365];
const TOPS = [3, 5, 10, 25];
const AGES = [90, 180, 365, 730];

function Select<T extends string | number>({
  label,
  value,
  options,
  onChange,
  format,
}: {
  label: string;
  value: T | "";
  options: T[];
  onChange: (v: string) => void;
  format: (v: T) => string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass()} mt-1`}>
        {options.map((o) => (
          <option key={o} value={o}>
            {format(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function StaleCarriersPanel() {
  const pools = usePools();
  const [picked, setPool] = useState<string | null>(null);
  const [period, setPeriod] = useState(90);
  const [top, setTop] = useState(10);
  const [min, setMin] = useState(3);
  const [age, setAge] = useState(365);
  const [offset, setOffset] = useState(0);
  const carrierPools = (pools.data ?? []).filter((p) => p.domain === "carriers");
  const pool = picked ?? carrierPools.find((p) => !p.shared)?.id ?? carrierPools[0]?.id ?? null;
  const params = new URLSearchParams({ period_days: String(period), top: String(top), min_appearances: String(min), stale_after_days: String(age) });
  const path = pool ? `/api/v1/pools/${encodeURIComponent(pool)}/stale-carriers?${params}` : "";
  const list = useQuery({
    queryKey: ["stale-carriers", path, offset],
    queryFn: () => api<StaleCarriersResponse>(`${path}&limit=${PAGE}&offset=${offset}`),
    enabled: !!pool,
    placeholderData: keepPreviousData,
    // A long period's older results are read a thousand per request: ask again until complete.
    refetchInterval: (q) => (q.state.data && !q.state.data.complete ? 1000 : false),
  });
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setOffset(0);
    };
  const data = list.data;

  return (
    <Panel
      id="stale-data"
      title="Stale data to re-verify"
      description="Carriers that rank often in your evaluations but whose appetite data was last verified long ago (or never). Confirm them with the carrier and import the pool again."
      actions={
        pool && (
          <a
            href={`${path}&format=csv`}
            download
            className="inline-flex rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Export CSV
          </a>
        )
      }
      flush
    >
      <div className="grid gap-3 border-b border-slate-200 p-5 sm:grid-cols-3 lg:grid-cols-5">
        <Select label="Pool" value={pool ?? ""} options={carrierPools.map((p) => p.id)} onChange={change(setPool)} format={(v: string) => v} />
        <Select
          label="Evaluations of the last"
          value={period}
          options={PERIODS}
          onChange={(v) => change(setPeriod)(Number(v))}
          format={(v: number) => `${v} days`}
        />
        <Select label="Counted when in the top" value={top} options={TOPS} onChange={(v) => change(setTop)(Number(v))} format={(v: number) => `${v}`} />
        <MinField value={min} onChange={(v) => change(setMin)(v)} />
        <Select
          label="Stale when verified over"
          value={age}
          options={AGES}
          onChange={(v) => change(setAge)(Number(v))}
          format={(v: number) => `${v} days ago`}
        />
      </div>
      {list.isError ? (
        <LoadError what="the stale carriers" error={list.error} retry={() => list.refetch()} />
      ) : !data ? (
        <div className="p-5">{pool ? <Spinner label="Counting…" /> : <p className="text-sm text-slate-600">No carrier pool.</p>}</div>
      ) : (
        <>
          <p className="px-5 pt-4 text-sm text-slate-700" data-testid="stale-summary">
            {formatInt(data.total)} carrier{data.total === 1 ? "" : "s"} to re-verify, from {formatInt(data.evaluations)} evaluation
            {data.evaluations === 1 ? "" : "s"} on {data.pool} v{data.pool_version} in the {data.thresholds.period_days} days to {data.as_of}.
          </p>
          {!data.complete && (
            <p className="px-5 pt-1 text-sm text-amber-900" role="status">
              Still reading older evaluations: the counts so far.
            </p>
          )}
          {data.data.length === 0 ? (
            <div className="p-5">
              <EmptyState title="Nothing stale">No carrier in these evaluations&apos; top places has data older than the threshold.</EmptyState>
            </div>
          ) : (
            <Table
              caption="Carriers to re-verify"
              head={
                <tr>
                  <th scope="col" className={th}>
                    Carrier
                  </th>
                  <th scope="col" className={th}>
                    Last verified
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    In top {data.thresholds.top}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Ranked first
                  </th>
                  <th scope="col" className={th}>
                    Last seen
                  </th>
                </tr>
              }
            >
              {data.data.map((c) => (
                <tr key={c.carrier_id} data-testid="stale-row">
                  <td className={td}>
                    <div className="font-medium text-slate-900">{c.name}</div>
                    <code className="font-mono text-xs text-slate-600">{c.carrier_id}</code>
                  </td>
                  <td className={td}>
                    {c.last_verified ? (
                      <>
                        {c.last_verified} <span className="text-xs text-slate-600">({formatInt(c.days_since_verified ?? 0)} days)</span>
                      </>
                    ) : (
                      <span className="font-medium text-red-800">Never</span>
                    )}
                  </td>
                  <td className={`${td} text-right tabular-nums`}>
                    {formatInt(c.appearances)} <span className="text-xs text-slate-600">({percent(c.appearances, data.evaluations)} %)</span>
                  </td>
                  <td className={`${td} text-right tabular-nums`}>{formatInt(c.first_place)}</td>
                  <td className={td}>
                    <LocalTime iso={c.last_seen} />
                  </td>
                </tr>
              ))}
            </Table>
          )}
          {(offset > 0 || data.has_more) && (
            <div className="flex items-center justify-between gap-3 border-t border-slate-200 px-5 py-3 text-sm">
              <span>
                {formatInt(offset + 1)}–{formatInt(offset + data.data.length)} of {formatInt(data.total)}
              </span>
              <span className="flex gap-2">
                <Button variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  Previous
                </Button>
                <Button variant="secondary" disabled={!data.has_more} onClick={() => setOffset(offset + PAGE)}>
                  Next
                </Button>
              </span>
            </div>
          )}
        </>
      )}
    </Panel>
  );
}

function MinField({ value, onChange }: { value: number; onChange: (v: number) => void }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        At least (evaluations)
      </label>
      <input
        id={id}
        type="number"
        min={1}
        value={value}
        onChange={(e) => {
          const n = Math.floor(Number(e.target.value));
          if (n >= 1) onChange(n);
        }}
        className={`${inputClass()} mt-1`}
      />
    </div>
  );
}
