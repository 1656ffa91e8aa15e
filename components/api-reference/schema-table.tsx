import type { FieldRow } from "@/components/api-reference/model";
import { RichText } from "@/components/api-reference/rich-text";

// A JSON Schema as a table of fields: name (indented by depth), type, required marker, and what
// the value may be (enum, constraints, example) with the description.

const MAX_INLINE_ENUM = 12;

function EnumValues({ values }: { values: unknown[] }) {
  const chips = (vs: unknown[]) => (
    <ul className="mt-1 flex flex-wrap gap-1" aria-label="Allowed values">
      {vs.map((v) => (
        <li key={String(v)}>
          <code className="rounded bg-slate-100 px-1 py-0.5 text-xs text-slate-800">{String(v)}</code>
        </li>
      ))}
    </ul>
  );
  if (values.length <= MAX_INLINE_ENUM) return chips(values);
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs font-medium text-indigo-800">{values.length} allowed values</summary>
      {chips(values)}
    </details>
  );
}

export function SchemaTable({ rows, caption }: { rows: FieldRow[]; caption?: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No fields.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full border-collapse text-left text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Field
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Type
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Description
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((r) => (
            <FieldRowView key={r.path} row={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FieldRowView({ row }: { row: FieldRow }) {
  return (
    <>
      <tr>
        <th scope="row" className="whitespace-nowrap px-3 py-2 font-normal" style={{ paddingLeft: `${0.75 + row.depth * 1.25}rem` }}>
          {row.depth > 0 && (
            <span aria-hidden="true" className="mr-1 text-slate-400">
              ↳
            </span>
          )}
          <code className="font-mono text-[13px] font-semibold text-slate-900">{row.name}</code>
          {row.required ? (
            <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-[11px] font-semibold text-red-800 ring-1 ring-inset ring-red-200">required</span>
          ) : (
            <span className="ml-2 text-[11px] text-slate-600">optional</span>
          )}
        </th>
        <td className="px-3 py-2">
          <code className="font-mono text-xs text-indigo-900">{row.type}</code>
        </td>
        <td className="px-3 py-2 text-slate-700">
          {row.description && (
            <p>
              <RichText text={row.description} />
            </p>
          )}
          {row.constraints.length > 0 && <p className="mt-0.5 text-xs text-slate-600">{row.constraints.join(" · ")}</p>}
          {row.example !== undefined && (
            <p className="mt-0.5 text-xs text-slate-600">
              Example: <code className="text-slate-800">{JSON.stringify(row.example)}</code>
            </p>
          )}
          {row.enum && <EnumValues values={row.enum} />}
        </td>
      </tr>
      {row.variants?.map((v) => (
        <tr key={`${row.path}:${v.name}`}>
          <td colSpan={3} className="bg-slate-50/60 px-3 py-3" style={{ paddingLeft: `${1.5 + row.depth * 1.25}rem` }}>
            <p className="mb-2 text-xs font-semibold text-slate-700">
              <code className="font-mono">{row.name}</code> as <code className="font-mono text-indigo-900">{v.name}</code>
              <span className="font-normal text-slate-600"> ({variantHint(v.name)})</span>
            </p>
            <SchemaTable rows={v.rows} caption={`${row.name} as ${v.name}`} />
          </td>
        </tr>
      ))}
    </>
  );
}

/** CarriersProfile → "pools of the carriers domain". */
function variantHint(name: string) {
  const domain = name.replace(/Profile$/, "").toLowerCase();
  return name.endsWith("Profile") ? `for pools of the ${domain} domain` : "alternative";
}
