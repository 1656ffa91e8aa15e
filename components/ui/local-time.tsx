"use client";

import { formatDateTime } from "./format";
import { useHydrated } from "./hydrated";

const utc = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * A timestamp in the reader's time zone. The server does not know that zone, so it renders UTC
 * (labelled) and the browser replaces it after hydration, without a hydration mismatch.
 */
export function LocalTime({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  return <time dateTime={iso}>{hydrated ? formatDateTime(iso) : `${utc.format(new Date(iso))} UTC`}</time>;
}
