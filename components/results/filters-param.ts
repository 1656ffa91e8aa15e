// A result's filters and sort as a URL query, so a saved view (and its shared link) can reopen
// them: `tier=STRONG_FIT,MODERATE_FIT&confidence=HIGH&max=appetite:L2,pricing:L3&q=mutual&sort=score:descending`.
// Unknown values are dropped; whatever else the query holds is left alone.
import {
  CONFIDENCES,
  DEFAULT_SORT,
  DIMENSIONS,
  LEVELS,
  NO_FILTERS,
  TIERS,
  type Confidence,
  type Dimension,
  type Filters,
  type Level,
  type Sort,
  type SortKey,
  type Tier,
} from "./model";

const SORT_KEYS: readonly string[] = ["rank", "name", "tier", "confidence", "score", ...DIMENSIONS];
const list = (v: string | null) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function readFilters(search: string): { filters: Filters; sort: Sort } {
  const p = new URLSearchParams(search);
  const tiers = list(p.get("tier")).filter((t): t is Tier => (TIERS as readonly string[]).includes(t));
  const confidences = list(p.get("confidence")).filter((c): c is Confidence => (CONFIDENCES as readonly string[]).includes(c));
  const maxLevel: Partial<Record<Dimension, Level>> = {};
  for (const pair of list(p.get("max"))) {
    const [d, l] = pair.split(":");
    if ((DIMENSIONS as readonly string[]).includes(d) && (LEVELS as readonly string[]).includes(l) && l !== "L4") maxLevel[d as Dimension] = l as Level;
  }
  const [key, dir] = (p.get("sort") ?? "").split(":");
  const sort: Sort = SORT_KEYS.includes(key) && (dir === "ascending" || dir === "descending") ? { key: key as SortKey, dir } : DEFAULT_SORT;
  return { filters: { ...NO_FILTERS, tiers: [...new Set(tiers)], confidences: [...new Set(confidences)], maxLevel, text: p.get("q") ?? "" }, sort };
}

/** The query for these filters and sort (defaults left out). */
export function filtersQuery(f: Filters, sort: Sort): string {
  const p = new URLSearchParams();
  if (f.tiers.length) p.set("tier", f.tiers.join(","));
  if (f.confidences.length) p.set("confidence", f.confidences.join(","));
  const max = Object.entries(f.maxLevel).map(([d, l]) => `${d}:${l}`);
  if (max.length) p.set("max", max.join(","));
  if (f.text.trim()) p.set("q", f.text.trim());
  if (sort.key !== DEFAULT_SORT.key || sort.dir !== DEFAULT_SORT.dir) p.set("sort", `${sort.key}:${sort.dir}`);
  return p.toString().replace(/%2C/gi, ",").replace(/%3A/gi, ":");
}

export const FILTER_PARAMS = ["tier", "confidence", "max", "q", "sort"] as const;

/** `search` (a location's "?…") with these filters and sort in it, every other parameter kept. */
export function withFilters(search: string, f: Filters, sort: Sort): string {
  const params = new URLSearchParams(search);
  for (const k of FILTER_PARAMS) params.delete(k);
  new URLSearchParams(filtersQuery(f, sort)).forEach((v, k) => params.set(k, v));
  const query = params.toString().replace(/%2C/gi, ",").replace(/%3A/gi, ":");
  return query ? `?${query}` : "";
}
