import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { traceForOrganization } from "@/lib/traces/access";
import { TraceReport } from "@/components/trace/trace-report";
import { SharePanel } from "@/components/trace/share-panel";
import { PendingTrace } from "@/components/trace/pending-trace";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ evalId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Audit trace ${(await params).evalId}` };
}

// No loading.tsx here on purpose: a 404 must be decided before streaming starts, or the status
// would be 200.
export default async function TracePage({ params }: Props) {
  const { evalId } = await params;
  const { principal } = await requireSession(`/traces/${evalId}`);
  const trace = await traceForOrganization(principal.organizationId, evalId);
  if (!trace) notFound();
  const linkStyle = "inline-flex items-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";
  return (
    <TraceReport
      trace={trace}
      actions={
        <>
          <Link href={`/jobs/${evalId}`} className={linkStyle}>
            Results
          </Link>
          <a href={`/api/traces/${evalId}`} className={linkStyle}>
            JSON
          </a>
        </>
      }
      aside={<SharePanel evalId={evalId} />}
      pending={<PendingTrace evalId={evalId} status={trace.status} />}
    />
  );
}
