import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/badges";

/** Placeholder rows with the height of real ones, so the table does not jump when data arrives. */
export function SkeletonRows({ rows = 3, cols }: { rows?: number; cols: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} aria-hidden="true">
          {Array.from({ length: cols }, (_, c) => (
            <td key={c} className="px-4 py-3">
              <span className="block h-4 animate-pulse rounded bg-slate-200" style={{ width: `${50 + ((r * 7 + c * 13) % 40)}%` }} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

export function LoadError({ what, error, retry }: { what: string; error: Error; retry: () => void }) {
  return (
    <div className="space-y-2 p-4">
      <ErrorNote>
        Could not load {what}: {error.message}
      </ErrorNote>
      <Button type="button" variant="secondary" onClick={retry}>
        Try again
      </Button>
    </div>
  );
}

export const th = "px-4 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
export const td = "px-4 py-3 align-middle";

export function Table({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  // relative: screen-reader-only text inside is positioned absolutely and must not escape the
  // scroll box (it would widen the whole page). The box is a named, focusable region so a
  // keyboard can scroll a table wider than the column (axe: scrollable-region-focusable).
  return (
    <div className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-indigo-600" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">{head}</thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}
