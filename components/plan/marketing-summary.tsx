import type { ReactNode } from "react";
import type { MarketingSummaryView, SummaryQuote } from "@/lib/plan/summary-schemas";
import { ConfidenceBadge, TIER_LABEL, TierBadge } from "@/components/ui/badges";
import { formatMoney } from "@/components/ui/format";
import { REASON_LABEL, SL_EXEMPTION_HINT, SL_EXEMPTION_LABEL, STATUS_LABEL } from "./labels";

// The marketing summary as a printable document (server component): the signed-in page
// /jobs/{eval_id}/summary and the shared page /share/summary/{token} render the same thing.
// Print CSS (print:*) drops borders and shadows; the browser's Save as PDF makes the PDF.

const PROFILE_LABEL: Record<string, string> = {
  entity: "Insured",
  state: "Home state",
  zip: "ZIP",
  line: "Line of business",
  naics: "NAICS",
  revenue: "Annual revenue",
  payroll: "Annual payroll",
  tiv: "Total insured value",
  power_units: "Power units",
  underlying_limit: "Underlying limit",
  employees: "Employees",
  years_in_business: "Years in business",
  prior_claims: "Prior claims (5 years)",
  requested_limit: "Requested limit",
  deductible: "Deductible",
  effective_date: "Effective date",
};
const MONEY = new Set(["revenue", "payroll", "tiv", "underlying_limit", "requested_limit", "deductible"]);
const SOURCE_LABEL = { broker: "recommended by your broker", bound: "the bound quote", best_tier: "the quoted market that fits best" } as const;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");
const money = (n: number | null) => (n === null ? "—" : formatMoney(n));
const marketLabel = (m: string | null) => (m === "surplus_lines" ? "Surplus lines" : m === "admitted" ? "Admitted" : "—");

function profileValue(field: string, v: string | number) {
  if (typeof v === "number") return MONEY.has(field) ? formatMoney(v) : v.toLocaleString("en-US");
  return field === "line" ? v.replace(/_/g, " ") : v;
}

function strength(q: SummaryQuote) {
  if (!q.am_best_rating) return "Not rated";
  return [q.am_best_rating, q.financial_size, q.am_best_outlook ? `(${q.am_best_outlook})` : null].filter(Boolean).join(" ");
}

const th = "border-b border-slate-300 px-2 py-1.5 text-left font-semibold";
const td = "border-b border-slate-200 px-2 py-1.5 align-top";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2 break-inside-avoid">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function MarketingSummary({ summary, orgName, actions }: { summary: MarketingSummaryView; orgName: string; actions?: ReactNode }) {
  const { profile, markets, quotes, recommendation: rec } = summary;
  const quoteRows: [string, (q: SummaryQuote) => ReactNode][] = [
    ["Premium", (q) => <strong>{formatMoney(q.premium)}</strong>],
    ["Limit", (q) => money(q.limit)],
    ["Retention", (q) => money(q.retention)],
    ["Quote expires", (q) => day(q.expiry)],
    ["AM Best rating", (q) => strength(q)],
    ["Market", (q) => marketLabel(q.market)],
    ["Fit", (q) => (q.tier ? TIER_LABEL[q.tier] : "—")],
    ["Status", (q) => STATUS_LABEL[q.status]],
  ];
  return (
    <article
      className="mx-auto max-w-5xl space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm print:max-w-none print:border-0 print:p-0 print:shadow-none"
      data-testid="marketing-summary"
    >
      {actions && <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">{actions}</div>}
      <header className="space-y-1 border-b border-slate-300 pb-4">
        <p className="text-sm text-slate-600">{orgName}</p>
        <h1 className="text-2xl font-bold tracking-tight">Marketing summary</h1>
        <p className="text-sm text-slate-700">
          Prepared for <strong>{String(profile.entity ?? summary.eval_id)}</strong> · evaluation <span className="font-mono">{summary.eval_id}</span>
          {summary.evaluated_at && <> of {day(summary.evaluated_at)}</>}
        </p>
      </header>

      <Section id="profile-h" title="The risk">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-3" data-testid="summary-profile">
          {Object.entries(profile)
            .filter(([f]) => f !== "entity")
            .map(([f, v]) => (
              <div key={f}>
                <dt className="text-xs text-slate-600">{PROFILE_LABEL[f] ?? f}</dt>
                <dd className="font-medium">{profileValue(f, v)}</dd>
              </div>
            ))}
        </dl>
      </Section>

      <Section id="rec-h" title="Recommendation">
        {rec ? (
          <div
            className="space-y-1 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm print:border-slate-400 print:bg-white"
            data-testid="summary-recommendation"
          >
            <p className="flex flex-wrap items-center gap-2">
              <strong className="text-base">{rec.carrier_name}</strong>
              <span className="text-slate-700">— {SOURCE_LABEL[rec.source]}</span>
              {rec.tier && <TierBadge tier={rec.tier} />}
              {rec.confidence && <ConfidenceBadge confidence={rec.confidence} />}
              {rec.rank !== null && <span className="text-xs text-slate-700">ranked #{rec.rank} of the eligible markets</span>}
            </p>
            {rec.reasoning && <p className="text-slate-800">Why: {rec.reasoning}</p>}
          </div>
        ) : (
          <p className="text-sm">No quote yet: the recommendation follows once a market quotes.</p>
        )}
      </Section>

      <Section id="quotes-h" title="Quotes side by side">
        {quotes.length === 0 ? (
          <p className="text-sm">No quotes yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm" data-testid="summary-quotes">
              <thead>
                <tr>
                  <td className={th} />
                  {quotes.map((q) => (
                    <th key={q.carrier_id} scope="col" className={th}>
                      {q.carrier_name}
                      {rec?.carrier_id === q.carrier_id && <span className="ml-1 text-xs font-normal text-emerald-800">(recommended)</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {quoteRows.map(([label, cell]) => (
                  <tr key={label}>
                    <th scope="row" className={`${td} text-left font-medium text-slate-700`}>
                      {label}
                    </th>
                    {quotes.map((q) => (
                      <td key={q.carrier_id} className={td}>
                        {cell(q)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="markets-h" title="Markets approached">
        {markets.length === 0 ? (
          <p className="text-sm">No submission recorded yet.</p>
        ) : (
          <table className="w-full border-collapse text-sm" data-testid="summary-markets">
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Carrier
                </th>
                <th scope="col" className={th}>
                  Market
                </th>
                <th scope="col" className={th}>
                  Submitted
                </th>
                <th scope="col" className={th}>
                  Outcome
                </th>
                <th scope="col" className={th}>
                  Date
                </th>
                <th scope="col" className={th}>
                  Reason
                </th>
              </tr>
            </thead>
            <tbody>
              {markets.map((m) => (
                <tr key={m.carrier_id} data-testid="summary-market">
                  <th scope="row" className={`${td} text-left font-medium`}>
                    {m.carrier_name}
                  </th>
                  <td className={td}>{marketLabel(m.market)}</td>
                  <td className={td}>{day(m.submitted_at)}</td>
                  <td className={td}>{STATUS_LABEL[m.status]}</td>
                  <td className={td}>{day(m.outcome_at)}</td>
                  <td className={td}>{m.decline_reason ? `${REASON_LABEL[m.decline_reason]}${m.decline_text ? `: ${m.decline_text}` : ""}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      {summary.diligent_search && (
        <Section id="sl-h" title="Surplus lines">
          <p className="text-sm" data-testid="summary-sl">
            {summary.diligent_search.state} requires {summary.diligent_search.required} declination{summary.diligent_search.required === 1 ? "" : "s"} from
            admitted carriers before a surplus-lines placement; {summary.diligent_search.recorded} recorded —{" "}
            {summary.diligent_search.cleared ? "requirement met." : "requirement not yet met."} Surplus-lines policies carry state tax and fees and are not
            covered by a state guaranty fund.
          </p>
          {summary.diligent_search.exemptions.map((x) => (
            <p key={x.carrier_id} className="text-sm" data-testid="summary-sl-exemption">
              {x.carrier_name} was bound without the diligent search under the {SL_EXEMPTION_LABEL[x.exemption].toLowerCase()} exemption:{" "}
              {SL_EXEMPTION_HINT[x.exemption]} (recorded {x.at.slice(0, 10)}).
            </p>
          ))}
        </Section>
      )}

      <footer className="border-t border-slate-300 pt-3 text-xs text-slate-600">
        Made by Nexio from the market plan&apos;s recorded events and the evaluation&apos;s ranking. Quotes are subject to each carrier&apos;s terms and expire
        on the dates shown; AM Best ratings are as recorded in the carrier data the evaluation used.
      </footer>
    </article>
  );
}
