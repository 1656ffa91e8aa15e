"use client";

import { useInfiniteQuery, type QueryKey } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { api } from "@/components/api";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/badges";

// Every paged list of the API (`limit`, `starting_after`, `has_more`: lib/paging.ts) is read page by
// page in the dashboard: the first page on opening, the next one on "Load more", until has_more is
// false. Invalidating the list's key refetches every page loaded so far.

export type Page<T> = { data: T[]; has_more: boolean };

/**
 * The page size: the page's own `?limit=` (1–100) if it has one, else the list's default. Lets a
 * person (and the e2e tests) choose smaller pages, as on History.
 */
export function usePageSize(fallback: number): number {
  const raw = Number(useSearchParams().get("limit"));
  return Number.isInteger(raw) && raw >= 1 && raw <= 100 ? raw : fallback;
}

/** Rows are paged by their `id` unless `cursor` names another field (batches: `batch_id`). */
export function usePagedList<T>(
  key: QueryKey,
  url: string,
  opts: { pageSize: number; refetchInterval?: (rows: T[]) => number | false; cursor?: (row: T) => string },
) {
  const { pageSize, refetchInterval, cursor = (row: T) => (row as { id: string }).id } = opts;
  const q = useInfiniteQuery({
    queryKey: [...key, "pages", url, pageSize],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(pageSize) });
      if (pageParam) params.set("starting_after", pageParam);
      return api<Page<T>>(`${url}${url.includes("?") ? "&" : "?"}${params}`);
    },
    initialPageParam: "",
    getNextPageParam: (last) => (last.has_more && last.data.length > 0 ? cursor(last.data[last.data.length - 1]) : undefined),
    refetchInterval: refetchInterval ? (query) => refetchInterval(query.state.data?.pages.flatMap((p) => p.data) ?? []) : undefined,
  });
  return { ...q, rows: q.data?.pages.flatMap((p) => p.data), loadedMore: (q.data?.pages.length ?? 0) > 1 };
}

/** "Load more" under a paged list: shown while more rows follow; says how many are shown. */
export function LoadMore({
  list,
  what,
  className = "border-t border-slate-200 px-4 py-3",
}: {
  list: {
    rows?: unknown[];
    loadedMore: boolean;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => unknown;
    isFetchNextPageError: boolean;
    error: Error | null;
  };
  what: string;
  className?: string;
}) {
  if (!list.rows || (!list.hasNextPage && !list.loadedMore && !list.isFetchNextPageError)) return null;
  return (
    <div className={`flex flex-wrap items-center gap-3 ${className}`}>
      {list.hasNextPage && (
        <Button type="button" variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? "Loading…" : `Load more ${what}`}
        </Button>
      )}
      <span className="text-sm text-slate-600" aria-live="polite">
        {list.hasNextPage ? `${list.rows.length} shown, more follow` : `All ${list.rows.length} shown`}
      </span>
      {list.isFetchNextPageError && <ErrorNote>Could not load more: {list.error?.message}</ErrorNote>}
    </div>
  );
}
