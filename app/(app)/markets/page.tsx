import type { Metadata } from "next";
import { Suspense } from "react";
import { MarketsView } from "@/components/markets/markets-view";
import { Spinner } from "@/components/ui/badges";

export const metadata: Metadata = { title: "Markets" };

export default function MarketsPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Markets</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Your organization&apos;s own market data, from its market plans: per carrier, line and state, how many submissions were quoted, declined (and why) and
          bound, and how long quotes took.
        </p>
      </div>
      <Suspense fallback={<Spinner label="Loading market data" />}>
        <MarketsView />
      </Suspense>
    </div>
  );
}
