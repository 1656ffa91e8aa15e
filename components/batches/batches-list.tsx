"use client";

import Link from "next/link";
import { EmptyState } from "@/components/ui/badges";
import { formatDateTime, formatInt, percent } from "@/components/ui/format";
import { LoadError, SkeletonRows, Table, td, th } from "@/components/settings/table-states";
import { LoadMore, usePageSize } from "@/components/ui/paged";
import { useBatches } from "./use-batch";

export function BatchesList({ mode = "live" }: { mode?: "live" | "test" }) {
  const batches = useBatches(usePageSize(20), mode);
  if (batches.isError) return <LoadError what="the batches" error={batches.error} retry={() => batches.refetch()} />;
  if (batches.rows && batches.rows.length === 0)
    return (
      <div className="p-5">
        {mode === "test" ? (
          <EmptyState title="No test batches">Batches submitted with a test key (nx_test_…) appear here, apart from live ones.</EmptyState>
        ) : (
          <EmptyState title="No batches yet">Upload a file of profiles above: each row becomes an evaluation.</EmptyState>
        )}
      </div>
    );
  return (
    <>
      <Table
        caption="Batches, newest first"
        head={
          <tr>
            <th scope="col" className={th}>
              Batch
            </th>
            <th scope="col" className={th}>
              Pool
            </th>
            <th scope="col" className={`${th} text-right`}>
              Rows
            </th>
            <th scope="col" className={th}>
              Progress
            </th>
            <th scope="col" className={th}>
              Submitted
            </th>
          </tr>
        }
      >
        {!batches.rows ? (
          <SkeletonRows cols={5} />
        ) : (
          batches.rows.map((b) => (
            <tr key={b.batch_id} data-testid="batch-row">
              <td className={td}>
                <Link href={`/batches/${b.batch_id}`} className="font-mono text-xs font-medium text-indigo-800 underline-offset-2 hover:underline">
                  {b.batch_id}
                </Link>
              </td>
              <td className={td}>
                <code className="font-mono text-xs">{b.pool}</code>
              </td>
              <td className={`${td} text-right tabular-nums`}>{formatInt(b.total)}</td>
              <td className={td}>
                {b.status === "completed" ? (
                  <span className="text-emerald-800">Completed{b.counts.failed ? `, ${formatInt(b.counts.failed)} failed` : ""}</span>
                ) : (
                  <span className="tabular-nums">{percent(b.counts.completed + b.counts.failed, b.total)} %</span>
                )}
              </td>
              <td className={td}>{formatDateTime(b.created_at)}</td>
            </tr>
          ))
        )}
      </Table>
      <LoadMore list={batches} what="batches" />
    </>
  );
}
