import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { traceForShareToken } from "@/lib/traces/access";
import { TraceReport } from "@/components/trace/trace-report";
import { PendingTrace } from "@/components/trace/pending-trace";
import { formatDateTime } from "@/components/trace/format";

// A trace opened with a capability link: no sign-in, no app navigation, nothing to change.
// Referrer-Policy, X-Robots-Tag and Cache-Control come from next.config.mjs for /share/*; the
// meta tags repeat the first two for the document itself.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Shared audit trace", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function SharedTracePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = await traceForShareToken(token);
  if (!shared) notFound();
  const { trace, expiresAt } = shared;
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
          <span className="text-lg font-bold tracking-tight text-indigo-800">Nexio</span>
          <p
            data-testid="share-banner"
            className="flex items-center gap-2 rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-950 ring-1 ring-inset ring-amber-200"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-amber-700">
              <path d="M10 3c4.2 0 7.3 3.4 8 6.6a1 1 0 0 1 0 .8C17.3 13.6 14.2 17 10 17s-7.3-3.4-8-6.6a1 1 0 0 1 0-.8C2.7 6.4 5.8 3 10 3Zm0 3.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Z" />
            </svg>
            Shared read-only view, expires {formatDateTime(expiresAt)}
          </p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-6 py-8">
        <TraceReport
          trace={trace}
          actions={
            <a
              href={`/api/traces/${trace.eval_id}?token=${encodeURIComponent(token)}`}
              className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              JSON
            </a>
          }
          pending={<PendingTrace evalId={trace.eval_id} status={trace.status} poll={false} />}
        />
      </main>
    </div>
  );
}
