"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime } from "./format";

const noSubscribe = () => () => {};

/** False while the server renders and during hydration, true after: for values only the browser knows. */
export function useHydrated() {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}

const utc = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * A timestamp in the reader's time zone. The server does not know that zone, so it renders UTC
 * (labelled) and the browser replaces it after hydration, without a hydration mismatch.
 */
export function LocalTime({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  return <time dateTime={iso}>{hydrated ? formatDateTime(iso) : `${utc.format(new Date(iso))} UTC`}</time>;
}
