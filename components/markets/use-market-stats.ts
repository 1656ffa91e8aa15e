"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/components/api";
import type { MarketStatsResponse } from "@/lib/markets/schemas";
import { toApiQuery, type MarketsState } from "./search-params";

/** GET /api/v1/markets/stats for the page's filters; the previous page stays shown while the next loads. */
export function useMarketStats(state: MarketsState) {
  const query = toApiQuery(state);
  return useQuery({
    queryKey: ["market-stats", query],
    queryFn: () => api<MarketStatsResponse>(`/api/v1/markets/stats?${query}`),
    placeholderData: keepPreviousData,
    retry: (n, err) => n < 2 && !("status" in err && (err as { status: number }).status === 400),
  });
}
