import type { Metadata } from "next";
import Link from "next/link";
import { DOMAINS } from "@/lib/engine";
import { requireSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { loadRerunPrefill } from "@/lib/jobs/rerun";
import { Note } from "@/components/ui/badges";
import { EvaluationForm } from "@/components/evaluation-form/evaluation-form";
import type { DomainForm } from "@/components/evaluation-form/types";

export const metadata: Metadata = { title: "New evaluation" };

// `?from=eval_…` ("Edit and re-run") starts the form from one of the organization's jobs. A job
// the organization does not have starts an empty form with a notice that says nothing about it.
export default async function NewEvaluationPage({ searchParams }: { searchParams: Promise<{ from?: string | string[] }> }) {
  const { from } = await searchParams;
  const fromId = typeof from === "string" && from ? from : null;
  const prefill = fromId ? await loadRerunPrefill(prisma(), (await requireSession()).principal.organizationId, fromId) : null;
  const entity = typeof prefill?.profile.entity === "string" && prefill.profile.entity ? prefill.profile.entity : null;

  // Field metadata and examples travel as data; only the zod schemas are bundled for the browser.
  const domains: DomainForm[] = Object.values(DOMAINS).map((d) => ({ id: d.id, label: d.label, fieldMeta: d.fieldMeta, exampleProfile: d.exampleProfile }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">New evaluation</h1>
        <p className="mt-1 text-sm text-slate-600">
          Describe the risk, choose who to evaluate it against, and Nexio ranks every eligible candidate with the evidence behind each level.
        </p>
      </div>
      {prefill ? (
        <Note data-testid="rerun-note">
          Starting from{" "}
          <Link href={`/jobs/${prefill.evalId}`} className="font-medium underline">
            {entity ?? "an earlier evaluation"}
          </Link>{" "}
          <span className="font-mono text-xs">({prefill.evalId})</span>. Change the pool or any field, then submit: it runs as a new evaluation and the original
          stays as it is.
        </Note>
      ) : fromId ? (
        <Note tone="warning" data-testid="rerun-note">
          That evaluation could not be found in your organization, so the form starts empty.
        </Note>
      ) : null}
      {/* Keyed by the source job: moving between ?from= links (or to a plain New evaluation) starts a fresh form. */}
      <EvaluationForm key={prefill?.evalId ?? "new"} domains={domains} prefill={prefill} />
    </div>
  );
}
