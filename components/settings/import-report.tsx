import type { ApiRequestError } from "@/components/api";
import { ErrorNote } from "@/components/ui/badges";
import { Table, td, th } from "@/components/settings/table-states";

// The 400 of an import with invalid rows, as a table: row, field, problem. Paths read
// `rows[12].placement.hit_ratio`; rows are counted from 1 without the header.

const ROW_PATH = /^rows\[(\d+)\](?:\.(.+))?$/;

function describe(d: { path: string; message: string }) {
  const m = ROW_PATH.exec(d.path);
  // Messages start "Row 3, field: " so they read alone; the table has columns for that.
  const message = d.message.replace(/^Row \d+(?:, [^:]+)?: /, "");
  return { row: m?.[1] ?? "", field: m ? (m[2] ?? "") : d.path === "rows" ? "" : d.path, message };
}

export function ImportReport({ error }: { error: ApiRequestError }) {
  const problems = error.details.map(describe);
  return (
    <div className="space-y-3" data-testid="import-report">
      <ErrorNote>{error.message.split(". ")[0]}. Fix these rows and import the file again.</ErrorNote>
      {/* focusable: a long report scrolls, and keyboard users must be able to scroll it */}
      <div
        tabIndex={0}
        role="region"
        aria-label="Problems in the file"
        className="max-h-96 overflow-y-auto rounded-md border border-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <Table
          caption="Problems in the file"
          head={
            <tr>
              <th scope="col" className={`${th} w-20 text-right`}>
                Row
              </th>
              <th scope="col" className={th}>
                Field
              </th>
              <th scope="col" className={th}>
                Problem
              </th>
            </tr>
          }
        >
          {problems.map((p, i) => (
            <tr key={i} data-testid="import-problem">
              <td className={`${td} text-right tabular-nums`}>{p.row}</td>
              <td className={`${td} whitespace-nowrap`}>
                <code className="font-mono text-xs">{p.field}</code>
              </td>
              <td className={`${td} [overflow-wrap:anywhere]`}>{p.message}</td>
            </tr>
          ))}
        </Table>
      </div>
    </div>
  );
}
