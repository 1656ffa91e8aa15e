import { CONFIDENCES, DIMENSIONS, LEVELS, TIERS } from "@/lib/engine/types";
import type { ScoredCandidate } from "./use-job";

// The results page's view of a result: ranked rows, the filters and sorts people apply to them.
// Pure functions, so a 1,800-row result is filtered and sorted in one pass each.

export { CONFIDENCES, DIMENSIONS, LEVELS, TIERS };
export type Dimension = (typeof DIMENSIONS)[number];
export type Tier = (typeof TIERS)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type Level = (typeof LEVELS)[number];

export type Row = ScoredCandidate & { rank: number };

export const DIMENSION_LABEL: Record<Dimension, string> = Object.fromEntries(DIMENSIONS.map((d) => [d, d[0].toUpperCase() + d.slice(1)])) as Record<
  Dimension,
  string
>;

export const CONFIDENCE_LABEL: Record<Confidence, string> = { HIGH: "High", MEDIUM: "Medium", LOW: "Low" } as Record<Confidence, string>;

export const toRows = (candidates: ScoredCandidate[]): Row[] => candidates.map((c, i) => ({ ...c, rank: i + 1 }));

export interface Filters {
  tiers: Tier[];
  confidences: Confidence[];
  /** Per dimension, the worst level still shown (e.g. appetite: "L2" shows L1–L2); absent = any. */
  maxLevel: Partial<Record<Dimension, Level>>;
  text: string;
}

export const NO_FILTERS: Filters = { tiers: [], confidences: [], maxLevel: {}, text: "" };

export const isFiltering = (f: Filters) => f.tiers.length > 0 || f.confidences.length > 0 || Object.keys(f.maxLevel).length > 0 || f.text.trim() !== "";

export function applyFilters(rows: Row[], f: Filters): Row[] {
  if (!isFiltering(f)) return rows;
  const tiers = f.tiers.length ? new Set<string>(f.tiers) : null;
  const confs = f.confidences.length ? new Set<string>(f.confidences) : null;
  const levels = Object.entries(f.maxLevel) as [Dimension, Level][];
  const text = f.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!tiers || tiers.has(r.tier)) &&
      (!confs || confs.has(r.confidence)) &&
      levels.every(([d, max]) => r.scores[d] <= max) &&
      (!text || r.name.toLowerCase().includes(text)),
  );
}

export type SortKey = "rank" | "name" | "market" | "tier" | "confidence" | "score" | Dimension;
export type SortDir = "ascending" | "descending";
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export const DEFAULT_SORT: Sort = { key: "rank", dir: "ascending" };

const TIER_ORDER: Record<string, number> = Object.fromEntries(TIERS.map((t, i) => [t, i]));
const CONF_ORDER: Record<string, number> = Object.fromEntries(CONFIDENCES.map((c, i) => [c, i]));

/** What "ascending" means for each column: best first for ranks and levels, A→Z for names, low→high score. */
function compareBy(key: SortKey): (a: Row, b: Row) => number {
  switch (key) {
    case "rank":
      return (a, b) => a.rank - b.rank;
    case "name":
      return (a, b) => a.name.localeCompare(b.name);
    case "market":
      // Admitted first: surplus lines is the second path.
      return (a, b) => (a.market === b.market ? 0 : a.market === "surplus_lines" ? 1 : b.market === "surplus_lines" ? -1 : 0);
    case "tier":
      return (a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier];
    case "confidence":
      return (a, b) => CONF_ORDER[a.confidence] - CONF_ORDER[b.confidence];
    case "score":
      return (a, b) => a.score - b.score;
    default:
      return (a, b) => (a.scores[key] < b.scores[key] ? -1 : a.scores[key] > b.scores[key] ? 1 : 0);
  }
}

/** Sorted copy; ties keep the engine's ranking. */
export function applySort(rows: Row[], s: Sort): Row[] {
  if (s.key === "rank" && s.dir === "ascending") return rows;
  const cmp = compareBy(s.key);
  const sign = s.dir === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => sign * cmp(a, b) || a.rank - b.rank);
}

/** The direction a column starts in when first clicked: the one people usually want. */
export const firstDirection = (key: SortKey): SortDir => (key === "score" ? "descending" : "ascending");
