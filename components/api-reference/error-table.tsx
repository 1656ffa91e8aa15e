import { RichText } from "@/components/api-reference/rich-text";

/** Status, error code and what it means, as a table: one operation's errors, or all of them. */
export function ErrorTable({
  errors,
  caption,
  meaningHeading,
}: {
  errors: { status: string; code: string; meaning: string }[];
  caption: string;
  meaningHeading: string;
}) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Status
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Code
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              {meaningHeading}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {errors.map((e) => (
            <tr key={`${e.status} ${e.code}`}>
              <td className="px-3 py-2 font-mono text-slate-900">{e.status}</td>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <code className="font-mono text-[13px] text-slate-900">{e.code}</code>
              </th>
              <td className="px-3 py-2 text-slate-700">{e.meaning ? <RichText text={e.meaning} capitalize /> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
