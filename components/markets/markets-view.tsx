"use client";

import { useCallback } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ApiRequestError } from "@/components/api";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorNote, Spinner } from "@/components/ui/badges";
import { Panel } from "@/components/settings/panel";
import type { MarketFigures } from "@/lib/markets/schemas";
import { DaysHistogram, OutcomeBars, ReasonBars } from "./charts";
import { MarketsFilters } from "./markets-filters";
import { MarketsTable, days, rate } from "./markets-table";
import { PAGE_SIZE, readMarketsState, toPageQuery, type MarketsState } from "./search-params";
import { useMarketStats } from "./use-market-stats";

// The Markets page: the organization's own market data (GET /api/v1/markets/stats) for a period,
// with its filters in the URL, the totals as figures and charts, and a paged table.

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
      {hint && <dd className="text-xs text-slate-600">{hint}</dd>}
    </div>
  );
}

function Totals({ f }: { f: MarketFigures }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <Stat label="Submissions" value={String(f.submissions)} testId="total-submissions" />
      <Stat label="Quote rate" value={rate(f.quote_rate)} hint={`${f.quotes} quoted`} testId="total-quote-rate" />
      <Stat label="Bind rate" value={rate(f.bind_rate)} hint={`${f.binds} bound, of quotes`} testId="total-bind-rate" />
      <Stat label="Median days to quote" value={days(f.median_days_to_quote)} hint="from submission to first quote" testId="total-median-days" />
    </dl>
  );
}

export function MarketsView() {
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const state = readMarketsState(new URLSearchParams(sp.toString()));
  const stats = useMarketStats(state);
  const go = useCallback(
    (next: MarketsState) => {
      const q = toPageQuery(next);
      router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  const data = stats.data;
  const badQuery = stats.error instanceof ApiRequestError && stats.error.status === 400;

  return (
    <div className="space-y-6">
      <MarketsFilters state={state} period={data} onChange={(patch) => go({ ...state, ...patch, offset: 0 })} />
      {stats.isError && (
        <ErrorNote>
          {badQuery ? "These filters cannot be used: " : "Could not load the market data: "}
          {stats.error.message}
        </ErrorNote>
      )}
      {!data && !stats.isError && <Spinner label="Loading market data" />}
      {data && !stats.isError && (
        <>
          <p className="text-sm text-slate-700" data-testid="period">
            Submissions from <time dateTime={data.from}>{data.from}</time> to <time dateTime={data.to}>{data.to}</time> (UTC), with whatever followed them.
          </p>
          <Totals f={data.totals} />
          {data.totals.submissions === 0 ? (
            <EmptyState title="No submissions in this period">
              Record submissions, quotes and declinations on an evaluation&apos;s Plan tab; they show here per carrier, line and state.
            </EmptyState>
          ) : (
            <>
              <div className="grid gap-6 lg:grid-cols-2">
                <Panel id="outcomes" title="Outcomes" description="Of the submissions: quoted, declined, no response; bound of those quoted.">
                  <OutcomeBars f={data.totals} />
                </Panel>
                <Panel id="days-to-quote" title="Days to quote" description="Quotes by whole days from submission to the first quote.">
                  <DaysHistogram f={data.totals} />
                </Panel>
              </div>
              <Panel id="decline-reasons" title="Declination reasons" description="The reason code recorded with each declination.">
                <ReasonBars f={data.totals} />
              </Panel>
              <Panel id="by-market" title="By carrier, line and state" description={`${data.total} rows, most submissions first.`} flush>
                <MarketsTable rows={data.data} />
                <nav aria-label="Pages" className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm text-slate-700">
                  <span data-testid="page-range">
                    {data.data.length ? `${state.offset + 1}–${state.offset + data.data.length} of ${data.total}` : `0 of ${data.total}`}
                  </span>
                  <span className="flex gap-2">
                    <Button
                      type="button"
                      variant="secondary"
                      disabled={state.offset === 0}
                      onClick={() => go({ ...state, offset: Math.max(0, state.offset - PAGE_SIZE) })}
                    >
                      Previous
                    </Button>
                    <Button type="button" variant="secondary" disabled={!data.has_more} onClick={() => go({ ...state, offset: state.offset + PAGE_SIZE })}>
                      Next
                    </Button>
                  </span>
                </nav>
              </Panel>
            </>
          )}
        </>
      )}
    </div>
  );
}
