"use client";

import { useCallback, useMemo } from "react";
import { useSearchParams } from "next/navigation";
import { COMPARE_PARAM, MIN_COMPARE, readCompare, withCompare } from "./compare-param";

// The comparison is page state, not a new page: the URL is replaced (no history entry, no server
// round trip) and Next.js keeps useSearchParams in step with history.replaceState.
function replaceQuery(search: string) {
  window.history.replaceState(null, "", `${window.location.pathname}${search}${window.location.hash}`);
}

/** The candidates `?compare=` names (only known ones; none unless at least two), and how to set or clear it. */
export function useCompareUrl(known: ReadonlyMap<string, unknown>) {
  const value = useSearchParams().get(COMPARE_PARAM);
  const ids = useMemo(() => {
    const valid = readCompare(value, (id) => known.has(id));
    return valid.length >= MIN_COMPARE ? valid : [];
  }, [value, known]);
  const open = useCallback((next: string[]) => replaceQuery(withCompare(window.location.search, next)), []);
  const close = useCallback(() => replaceQuery(withCompare(window.location.search, null)), []);
  return { ids, open, close };
}
