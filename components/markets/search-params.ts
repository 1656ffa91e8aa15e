import { LINES } from "@/lib/engine/domains/carriers/lines";
import { STATES } from "@/lib/engine/geo";

// The Markets page keeps its filters in the URL (bookmark, share, reload), and turns them into the
// query of GET /api/v1/markets/stats. Empty period = the API's default (the last 90 days).

export const PAGE_SIZE = 25;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface MarketsState {
  from: string;
  to: string;
  carrier: string;
  line: string;
  state: string;
  offset: number;
}

export function readMarketsState(sp: URLSearchParams): MarketsState {
  const date = (k: string) => (DATE.test(sp.get(k) ?? "") ? sp.get(k)! : "");
  const offset = Number(sp.get("offset"));
  return {
    from: date("from"),
    to: date("to"),
    carrier: sp.get("carrier") ?? "",
    line: (LINES as readonly string[]).includes(sp.get("line") ?? "") ? sp.get("line")! : "",
    state: (STATES as readonly string[]).includes(sp.get("state") ?? "") ? sp.get("state")! : "",
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The page's URL query: set values only. */
export function toPageQuery(s: MarketsState): string {
  const p = new URLSearchParams();
  for (const k of ["from", "to", "carrier", "line", "state"] as const) if (s[k]) p.set(k, s[k]);
  if (s.offset) p.set("offset", String(s.offset));
  return p.toString();
}

/** The API query for the same state, one page of PAGE_SIZE rows. */
export function toApiQuery(s: MarketsState): string {
  const p = new URLSearchParams(toPageQuery(s));
  p.set("limit", String(PAGE_SIZE));
  return p.toString();
}

/** A preset period ending today (UTC): [from, to]. */
export function lastDays(days: number, today = new Date()): [string, string] {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return [from, to];
}
