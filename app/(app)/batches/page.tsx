import type { Metadata } from "next";
import { BatchUploadForm } from "@/components/batches/upload-form";
import { BatchesList } from "@/components/batches/batches-list";
import { Panel } from "@/components/settings/panel";

export const metadata: Metadata = { title: "Batches" };

export default function BatchesPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Batches</h1>
        <p className="mt-1 text-sm text-slate-600">A whole book at once: upload a file of profiles and every row is evaluated, like a single evaluation.</p>
      </div>
      <Panel title="Upload" description="Every row is checked first; a file with invalid rows is refused with a report, unless you skip them.">
        <BatchUploadForm />
      </Panel>
      <Panel title="Recent batches" flush>
        <BatchesList />
      </Panel>
    </div>
  );
}
