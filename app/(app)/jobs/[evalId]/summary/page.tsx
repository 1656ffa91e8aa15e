import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";
import { requireSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { EVAL_ID_PATTERN } from "@/lib/ids";
import { getMarketingSummary } from "@/lib/plan/summary-load";
import { MarketingSummary } from "@/components/plan/marketing-summary";
import { PrintButton } from "@/components/plan/print-button";
import { SharePanel } from "@/components/trace/share-panel";

export const metadata: Metadata = { title: "Marketing summary" };

// The marketing summary for the client, printable (print CSS hides the navigation, the buttons and
// the share panel), with share links of kind "marketing_summary" that open it signed out.
export default async function MarketingSummaryPage({ params }: { params: Promise<{ evalId: string }> }) {
  const { evalId } = await params;
  if (!EVAL_ID_PATTERN.test(evalId)) notFound();
  const { principal, org } = await requireSession(`/jobs/${evalId}/summary`);
  const summary = await getMarketingSummary(prisma(), principal.organizationId, evalId).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <div className="space-y-6">
      <MarketingSummary
        summary={summary}
        orgName={org.name}
        actions={
          <>
            <Link href={`/jobs/${evalId}`} className="text-sm font-medium text-indigo-800 hover:underline">
              ← Back to the evaluation
            </Link>
            <PrintButton />
          </>
        }
      />
      <div className="mx-auto max-w-5xl print:hidden">
        <SharePanel evalId={evalId} kind="marketing_summary" />
      </div>
    </div>
  );
}
