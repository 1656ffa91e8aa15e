import type { Metadata } from "next";
import Link from "next/link";
import { BatchUploadForm } from "@/components/batches/upload-form";
import { BatchesList } from "@/components/batches/batches-list";
import { Panel } from "@/components/settings/panel";

export const metadata: Metadata = { title: "Batches" };

export default async function BatchesPage({ searchParams }: { searchParams: Promise<{ mode?: string }> }) {
  // A test key's batches are listed apart, as on History: ?mode=test.
  const mode = (await searchParams).mode === "test" ? "test" : "live";
  const tab = (m: "live" | "test", label: string) => (
    <Link
      href={m === "test" ? "/batches?mode=test" : "/batches"}
      aria-current={mode === m ? "page" : undefined}
      className={`rounded-md px-3.5 py-1.5 text-sm font-medium ${mode === m ? "bg-indigo-700 text-white shadow-sm" : "text-slate-700 hover:bg-white hover:text-slate-900"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Batches</h1>
        <p className="mt-1 text-sm text-slate-600">A whole book at once: upload a file of profiles and every row is evaluated, like a single evaluation.</p>
      </div>
      <Panel title="Upload" description="Every row is checked first; a file with invalid rows is refused with a report, unless you skip them.">
        <BatchUploadForm />
      </Panel>
      <Panel
        title={mode === "test" ? "Recent test batches" : "Recent batches"}
        actions={
          <nav aria-label="Live or test batches" className="inline-flex gap-1 rounded-lg border border-slate-200 bg-slate-100 p-1">
            {tab("live", "Live")}
            {tab("test", "Test")}
          </nav>
        }
        flush
      >
        <BatchesList mode={mode} />
      </Panel>
    </div>
  );
}
