// The History page keeps its whole state in the URL, so a filtered page can be bookmarked,
// shared and reloaded. `prev` is the stack of cursors behind the current page: the API pages
// forward only (starting_after), so Previous pops the last cursor we came from.

export const PAGE_SIZES = [10, 25, 50] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const STATUSES = ["queued", "running", "completed", "failed"] as const;

export interface HistoryState {
  /** "test": jobs submitted with test keys (nx_test_), listed apart; "" = live */
  mode: "" | "test";
  status: string;
  pool: string;
  q: string;
  created_gte: string;
  created_lte: string;
  limit: number;
  starting_after: string;
  prev: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readHistoryState(sp: URLSearchParams): HistoryState {
  const limit = Number(sp.get("limit"));
  const date = (k: string) => (DATE.test(sp.get(k) ?? "") ? sp.get(k)! : "");
  return {
    mode: sp.get("mode") === "test" ? "test" : "",
    status: (STATUSES as readonly string[]).includes(sp.get("status") ?? "") ? sp.get("status")! : "",
    pool: sp.get("pool") ?? "",
    q: sp.get("q") ?? "",
    created_gte: date("created_gte"),
    created_lte: date("created_lte"),
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : DEFAULT_PAGE_SIZE,
    starting_after: sp.get("starting_after") ?? "",
    prev: (sp.get("prev") ?? "").split(",").filter(Boolean),
  };
}

/** The page's own URL query (empty values and defaults left out). */
export function toPageQuery(s: HistoryState): string {
  const p = new URLSearchParams();
  if (s.mode) p.set("mode", s.mode);
  for (const k of ["status", "pool", "q", "created_gte", "created_lte"] as const) if (s[k]) p.set(k, s[k]);
  if (s.limit !== DEFAULT_PAGE_SIZE) p.set("limit", String(s.limit));
  if (s.starting_after) p.set("starting_after", s.starting_after);
  if (s.prev.length) p.set("prev", s.prev.join(","));
  return p.toString();
}

/**
 * The query for GET /api/v1/jobs. The date filters are the reader's own days: "from Nov 28" starts
 * at local midnight, "to Nov 28" ends at local 23:59:59.999, sent as instants (the API takes a
 * bare date as a UTC day, which is not what someone in California means).
 */
export function toApiQuery(s: HistoryState): string {
  const p = new URLSearchParams({ limit: String(s.limit) });
  if (s.mode) p.set("mode", s.mode);
  for (const k of ["status", "pool", "q", "starting_after"] as const) if (s[k]) p.set(k, s[k].trim());
  if (s.created_gte) p.set("created_gte", localDayBoundary(s.created_gte, "start"));
  if (s.created_lte) p.set("created_lte", localDayBoundary(s.created_lte, "end"));
  return p.toString();
}

function localDayBoundary(day: string, edge: "start" | "end"): string {
  const [y, m, d] = day.split("-").map(Number);
  return (edge === "start" ? new Date(y, m - 1, d, 0, 0, 0, 0) : new Date(y, m - 1, d, 23, 59, 59, 999)).toISOString();
}

export const hasFilters = (s: HistoryState) => Boolean(s.status || s.pool || s.q || s.created_gte || s.created_lte);
