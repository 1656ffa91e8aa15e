import type { Metadata } from "next";
import { DOMAINS } from "@/lib/engine";
import { EvaluationForm } from "@/components/evaluation-form/evaluation-form";
import type { DomainForm } from "@/components/evaluation-form/types";

export const metadata: Metadata = { title: "New evaluation" };

export default function NewEvaluationPage() {
  // Field metadata and examples travel as data; only the zod schemas are bundled for the browser.
  const domains: DomainForm[] = Object.values(DOMAINS).map((d) => ({ id: d.id, label: d.label, fieldMeta: d.fieldMeta, exampleProfile: d.exampleProfile }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">New evaluation</h1>
        <p className="mt-1 text-sm text-slate-600">Describe the risk, choose who to evaluate it against, and Nexio ranks every eligible candidate with the evidence behind each level.</p>
      </div>
      <EvaluationForm domains={domains} />
    </div>
  );
}
