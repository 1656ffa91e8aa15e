import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";
import { requireSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { EVAL_ID_PATTERN } from "@/lib/ids";
import { getJob } from "@/lib/jobs/read";
import { getPlan } from "@/lib/plan/plan";
import { diligentSearchRecord } from "@/lib/plan/record";
import { REASON_LABEL, SL_EXEMPTION_HINT, SL_EXEMPTION_LABEL, STATUS_LABEL } from "@/components/plan/labels";
import { PrintButton } from "@/components/plan/print-button";

export const metadata: Metadata = { title: "Diligent-search record" };

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

// A printable record of the diligent search for a surplus-lines placement: the admitted carriers
// approached, when, and their answers, for the broker's SL affidavit; a surplus-lines carrier bound
// under an exemption instead says which. Print CSS drops the app's
// navigation and buttons; the browser's "Save as PDF" makes the PDF.
export default async function DiligentSearchPage({ params }: { params: Promise<{ evalId: string }> }) {
  const { evalId } = await params;
  if (!EVAL_ID_PATTERN.test(evalId)) notFound();
  const { principal, org } = await requireSession(`/jobs/${evalId}/diligent-search`);
  const orgId = principal.organizationId;
  const [job, plan] = await Promise.all([getJob(prisma(), orgId, evalId), getPlan(prisma(), orgId, evalId)]).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const record = diligentSearchRecord(plan);
  const profile = job.profile as Record<string, unknown>;
  const entity = typeof profile.entity === "string" ? profile.entity : evalId;
  const th = "border-b border-slate-300 px-2 py-1.5 text-left font-semibold";
  const td = "border-b border-slate-200 px-2 py-1.5 align-top";

  return (
    <article
      className="mx-auto max-w-4xl space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm print:max-w-none print:border-0 print:p-0 print:shadow-none"
      data-testid="ds-record"
    >
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/jobs/${evalId}`} className="text-sm font-medium text-indigo-800 hover:underline">
          ← Back to the evaluation
        </Link>
        <PrintButton />
      </div>
      <header className="space-y-1 border-b border-slate-300 pb-4">
        <p className="text-sm text-slate-600">{org.name}</p>
        <h1 className="text-2xl font-bold tracking-tight">Diligent-search record</h1>
        <p className="text-sm text-slate-700">
          Insured <strong>{entity}</strong>
          {typeof profile.state === "string" && (
            <>
              {" "}
              · home state <strong>{profile.state}</strong>
            </>
          )}
          {typeof profile.line === "string" && <> · line {String(profile.line).replace(/_/g, " ")}</>} · evaluation <span className="font-mono">{evalId}</span>
        </p>
      </header>

      <section aria-labelledby="req-h" className="space-y-1">
        <h2 id="req-h" className="text-lg font-semibold">
          Requirement
        </h2>
        {plan.diligent_search ? (
          <p className="text-sm" data-testid="ds-summary">
            {plan.diligent_search.state} requires {plan.diligent_search.required} declination{plan.diligent_search.required === 1 ? "" : "s"} from admitted
            carriers before placing with a surplus-lines carrier. Recorded: <strong>{plan.diligent_search.recorded}</strong> —{" "}
            <strong>{plan.diligent_search.cleared ? "requirement met" : "requirement not yet met"}</strong>.
          </p>
        ) : (
          <p className="text-sm">The market plan has no surplus-lines carrier.</p>
        )}
      </section>

      <section aria-labelledby="adm-h" className="space-y-2">
        <h2 id="adm-h" className="text-lg font-semibold">
          Admitted carriers approached
        </h2>
        {record.admitted.length === 0 ? (
          <p className="text-sm">None yet.</p>
        ) : (
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Carrier
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
                <th scope="col" className={th}>
                  Recorded by
                </th>
              </tr>
            </thead>
            <tbody>
              {record.admitted.map((r) => (
                <tr key={r.carrier_id} data-testid="ds-row">
                  <th scope="row" className={`${td} text-left font-medium`}>
                    {r.carrier_name}
                  </th>
                  <td className={td}>{day(r.submitted_at)}</td>
                  <td className={td}>{STATUS_LABEL[r.status]}</td>
                  <td className={td}>{day(r.outcome_at)}</td>
                  <td className={td}>{r.reason ? `${REASON_LABEL[r.reason]}${r.reason_text ? `: ${r.reason_text}` : ""}` : "—"}</td>
                  <td className={td}>{r.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {record.surplusLines.length > 0 && (
        <section aria-labelledby="sl-h" className="space-y-1">
          <h2 id="sl-h" className="text-lg font-semibold">
            Surplus-lines carriers in the plan
          </h2>
          <ul className="list-disc pl-5 text-sm">
            {record.surplusLines.map((s) => (
              <li key={s.carrier_id} data-testid="ds-sl-row">
                {s.carrier_name} — {STATUS_LABEL[s.status]}
                {s.exemption && (
                  <>
                    {" "}
                    under the <strong>{SL_EXEMPTION_LABEL[s.exemption].toLowerCase()}</strong> exemption ({SL_EXEMPTION_HINT[s.exemption]}), no diligent search
                    required; bound {day(s.bound_at)} by {s.bound_by}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer className="border-t border-slate-300 pt-3 text-xs text-slate-600">
        Made by Nexio from the market plan&apos;s recorded events (each with who and when). Confirm the count with the home state&apos;s surplus-lines office.
      </footer>
    </article>
  );
}
