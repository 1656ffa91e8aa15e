import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { HistoryView } from "@/components/history/history-view";
import { Spinner } from "@/components/ui/badges";

export const metadata: Metadata = { title: "History" };

export default function HistoryPage() {
  return (
    <div className="space-y-6">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">History</h1>
          <p className="mt-1 text-sm text-slate-600">Every evaluation your organization submitted, from the dashboard or the API.</p>
        </div>
        <Link href="/jobs/new" className="rounded-md bg-indigo-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-800">
          New evaluation
        </Link>
      </div>
      <Suspense fallback={<Spinner label="Loading history" />}>
        <HistoryView />
      </Suspense>
    </div>
  );
}
