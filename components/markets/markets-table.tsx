import { LINE_LABELS, type Line } from "@/lib/engine/domains/carriers/lines";
import { DECLINE_REASONS } from "@/lib/plan/machine";
import type { MarketStatsRow } from "@/lib/markets/schemas";
import { REASON_LABEL } from "@/components/plan/labels";
import { Table, th, td } from "@/components/settings/table-states";

// One row per carrier × line × state, in the API's order (most submissions first).

export const rate = (r: number | null) => (r === null ? "–" : `${Math.round(r * 100)}%`);
export const days = (d: number | null) => (d === null ? "–" : `${d}`);
const lineLabel = (l: string | null) => (l ? (LINE_LABELS[l as Line] ?? l) : "–");
const num = `${td} text-right tabular-nums`;

function reasons(r: MarketStatsRow) {
  return DECLINE_REASONS.filter((c) => r.decline_reasons[c] > 0)
    .map((c) => `${REASON_LABEL[c]} ${r.decline_reasons[c]}`)
    .join(", ");
}

export function MarketsTable({ rows }: { rows: MarketStatsRow[] }) {
  const head = (
    <tr>
      <th scope="col" className={th}>
        Carrier
      </th>
      <th scope="col" className={th}>
        Line
      </th>
      <th scope="col" className={th}>
        State
      </th>
      {["Submissions", "Quotes", "Quote rate", "Declines", "No response", "Binds", "Bind rate", "Median days to quote"].map((h) => (
        <th key={h} scope="col" className={`${th} text-right`}>
          {h}
        </th>
      ))}
    </tr>
  );
  return (
    <Table caption="Market data per carrier, line and state" head={head}>
      {rows.map((r) => (
        <tr
          key={`${r.carrier_id}|${r.line}|${r.state}`}
          data-testid="market-row"
          data-carrier={r.carrier_id}
          data-line={r.line ?? ""}
          data-state={r.state ?? ""}
        >
          <th scope="row" className={`${td} text-left font-normal`}>
            <span className="font-medium text-slate-900">{r.carrier_name}</span>
            <span className="block text-xs text-slate-600">{r.carrier_id}</span>
          </th>
          <td className={td}>{lineLabel(r.line)}</td>
          <td className={td}>{r.state ?? "–"}</td>
          <td className={num} data-col="submissions">
            {r.submissions}
          </td>
          <td className={num} data-col="quotes">
            {r.quotes}
          </td>
          <td className={num} data-col="quote_rate">
            {rate(r.quote_rate)}
          </td>
          <td className={num} data-col="declines">
            {r.declines}
            {r.declines > 0 && <span className="block text-xs text-slate-600">{reasons(r)}</span>}
          </td>
          <td className={num} data-col="no_response">
            {r.no_response}
          </td>
          <td className={num} data-col="binds">
            {r.binds}
          </td>
          <td className={num} data-col="bind_rate">
            {rate(r.bind_rate)}
          </td>
          <td className={num} data-col="median_days_to_quote">
            {days(r.median_days_to_quote)}
          </td>
        </tr>
      ))}
    </Table>
  );
}
