"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { BatchResponse, BatchResultRow, ListBatchesResponse } from "@/lib/batches/schemas";
import { api } from "@/components/api";
import { usePagedList } from "@/components/ui/paged";

export type Batch = BatchResponse;
export type BatchList = z.infer<typeof ListBatchesResponse>;
export type ResultRow = BatchResultRow;

/** Rows with no strong fit (none eligible, or failed) first, then the rest; each part in row order. */
export function noStrongFitFirst<R extends { row: number; tiers: { STRONG_FIT: number } | null }>(rows: R[]): R[] {
  const strong = (r: R) => (r.tiers?.STRONG_FIT ?? 0) > 0;
  return [...rows].sort((a, b) => Number(strong(a)) - Number(strong(b)) || a.row - b.row);
}

/** A batch, polled every second while it runs (the progress bar moves without reload). */
export function useBatch(batchId: string) {
  return useQuery({
    queryKey: ["batch", batchId],
    queryFn: () => api<Batch>(`/api/v1/batches/${encodeURIComponent(batchId)}`),
    refetchInterval: (q) => (q.state.data?.status === "completed" ? false : 1000),
    retry: 3,
  });
}

/** The organization's batches, newest first, a page at a time ("Load more"); refreshes while one runs. */
export function useBatches(pageSize: number, mode: "live" | "test" = "live") {
  return usePagedList<BatchList["data"][number]>(["batches"], mode === "test" ? "/api/v1/batches?mode=test" : "/api/v1/batches", {
    pageSize,
    cursor: (b) => b.batch_id,
    refetchInterval: (rows) => (rows.some((b) => b.status !== "completed") ? 2000 : false),
  });
}

/**
 * The finished batch's rows (GET …/results, NDJSON, the best carrier only), read line by line as
 * they stream; rows with no strong fit first, then by row number.
 */
export function useBatchRows(batchId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["batch-rows", batchId],
    enabled,
    staleTime: Infinity,
    queryFn: async () => {
      const res = await fetch(`/api/v1/batches/${encodeURIComponent(batchId)}/results?format=ndjson&top=1`, { credentials: "same-origin" });
      if (!res.ok || !res.body) throw new Error(`Could not load the results (${res.status})`);
      const rows: ResultRow[] = [];
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let carry = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const lines = (carry + value).split("\n");
        carry = lines.pop()!;
        for (const l of lines) if (l) rows.push(JSON.parse(l) as ResultRow);
      }
      if (carry) rows.push(JSON.parse(carry) as ResultRow);
      return noStrongFitFirst(rows);
    },
  });
}
