import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { summaryForShareToken } from "@/lib/plan/shared-summary";
import { MarketingSummary } from "@/components/plan/marketing-summary";
import { PrintButton } from "@/components/plan/print-button";
import { formatDateTime } from "@/components/trace/format";

// A marketing summary opened with a capability link (kind "marketing_summary"): no sign-in, no app
// navigation, nothing to change. The /share/* headers (no-referrer, noindex, no-store) come from
// next.config.mjs, as for shared traces.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Marketing summary", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function SharedSummaryPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = await summaryForShareToken(token);
  if (!shared) notFound();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-6 py-3">
          <span className="text-lg font-bold tracking-tight text-indigo-800">Nexio</span>
          <p data-testid="share-banner" className="rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-950 ring-1 ring-inset ring-amber-200">
            Shared read-only view, expires {formatDateTime(shared.expiresAt)}
          </p>
          <PrintButton />
        </div>
      </header>
      <main id="main" className="px-6 py-8 print:p-0">
        <MarketingSummary summary={shared.summary} orgName={shared.orgName} />
      </main>
    </div>
  );
}
