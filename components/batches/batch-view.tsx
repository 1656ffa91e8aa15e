"use client";

import Link from "next/link";
import { TierBadge, ErrorNote, Spinner, TestBadge } from "@/components/ui/badges";
import { formatDateTime, formatInt } from "@/components/ui/format";
import { Panel } from "@/components/settings/panel";
import { Table, td, th } from "@/components/settings/table-states";
import { BatchProgress } from "./progress-bar";
import { useBatch, useBatchRows, type ResultRow } from "./use-batch";

const SHOWN = 200;

function TierMix({ row }: { row: ResultRow }) {
  if (!row.tiers) return <span className="text-slate-500">—</span>;
  const { STRONG_FIT: s, MODERATE_FIT: m, WEAK_FIT: w } = row.tiers;
  const total = Math.max(1, s + m + w);
  return (
    <span className="flex items-center gap-2">
      <span className="flex h-2 w-24 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <span className="bg-emerald-600" style={{ width: `${(100 * s) / total}%` }} />
        <span className="bg-amber-400" style={{ width: `${(100 * m) / total}%` }} />
        <span className="bg-slate-400" style={{ width: `${(100 * w) / total}%` }} />
      </span>
      <span className="text-xs tabular-nums text-slate-700">
        {s} strong · {m} moderate · {w} weak
      </span>
    </span>
  );
}

function Summary({ batchId }: { batchId: string }) {
  const rows = useBatchRows(batchId, true);
  if (rows.isError)
    return (
      <div className="p-5">
        <ErrorNote>{rows.error.message}</ErrorNote>
      </div>
    );
  if (!rows.data)
    return (
      <div className="p-5">
        <Spinner label="Loading the results" />
      </div>
    );
  const noStrong = rows.data.filter((r) => r.status === "completed" && (r.tiers?.STRONG_FIT ?? 0) === 0).length;
  return (
    <div>
      <p className="px-5 py-3 text-sm text-slate-700" data-testid="batch-summary">
        <strong className="tabular-nums">{formatInt(noStrong)}</strong> of {formatInt(rows.data.length)} rows have no strong fit; they are listed first.
        {rows.data.length > SHOWN && ` The first ${SHOWN} rows are shown; export the file for all of them.`}
      </p>
      <Table
        caption="Rows of the batch, those with no strong fit first"
        head={
          <tr>
            <th scope="col" className={`${th} w-16 text-right`}>
              Row
            </th>
            <th scope="col" className={th}>
              Entity
            </th>
            <th scope="col" className={th}>
              Tier mix
            </th>
            <th scope="col" className={th}>
              Best carrier
            </th>
            <th scope="col" className={th}>
              Evaluation
            </th>
          </tr>
        }
      >
        {rows.data.slice(0, SHOWN).map((r) => (
          <tr key={r.eval_id} data-testid="batch-result-row">
            <td className={`${td} text-right tabular-nums`}>{r.row}</td>
            <td className={`${td} [overflow-wrap:anywhere]`}>{r.entity}</td>
            <td className={td}>{r.status === "failed" ? <span className="text-red-800">{r.error?.message}</span> : <TierMix row={r} />}</td>
            <td className={td}>
              {r.top[0] ? (
                <span className="flex flex-wrap items-center gap-2">
                  <TierBadge tier={r.top[0].tier} />
                  <span>{r.top[0].name}</span>
                </span>
              ) : (
                <span className="text-slate-500">No eligible carrier</span>
              )}
            </td>
            <td className={td}>
              <Link href={`/jobs/${r.eval_id}`} className="font-mono text-xs text-indigo-800 underline-offset-2 hover:underline">
                {r.eval_id}
              </Link>
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}

export function BatchView({ batchId }: { batchId: string }) {
  const batch = useBatch(batchId);
  if (batch.isError) return <ErrorNote>Could not load the batch: {batch.error.message}</ErrorNote>;
  if (!batch.data) return <Spinner label="Loading the batch" />;
  const b = batch.data;
  const exportUrl = (format: "csv" | "ndjson") => `/api/v1/batches/${b.batch_id}/results?format=${format}&top=5`;
  return (
    <div className="space-y-6">
      <div>
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight">
            Batch <span className="font-mono text-lg">{b.batch_id}</span>
          </h1>
          {b.livemode === false && <TestBadge />}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {formatInt(b.total)} rows against <code className="font-mono text-xs">{b.pool}</code> v{b.pool_version}, submitted {formatDateTime(b.created_at)}
          {b.skipped > 0 && <>; {formatInt(b.skipped)} invalid rows skipped</>}.
        </p>
      </div>
      <Panel
        title={b.status === "completed" ? "Completed" : "Evaluating"}
        actions={
          <div className="flex gap-2">
            <a
              href={exportUrl("csv")}
              download
              className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
              data-testid="export-csv"
            >
              Export CSV
            </a>
            <a
              href={exportUrl("ndjson")}
              download
              className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Export NDJSON
            </a>
          </div>
        }
      >
        <BatchProgress batch={b} />
      </Panel>
      {b.skipped > 0 && (
        <Panel title="Skipped rows" description="These rows were invalid and left out.">
          <ul className="space-y-1 text-sm" data-testid="skipped-rows">
            {b.report.details.map((d, i) => (
              <li key={i}>{d.message}</li>
            ))}
            {b.report.omitted > 0 && <li>… and {formatInt(b.report.omitted)} more problems</li>}
          </ul>
        </Panel>
      )}
      {b.status === "completed" && (
        <Panel title="Summary" description="Each row's tier mix (eligible carriers by tier) and its best carrier." flush>
          <Summary batchId={b.batch_id} />
        </Panel>
      )}
    </div>
  );
}
