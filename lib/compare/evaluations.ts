/**
 * "What changed" between two evaluations of the same domain: the inputs that differ, then per
 * candidate what moved (eligibility with the filter, tier, each level, rank). Pure: it reads only
 * the stored result (ranked candidates) and the trace's eliminated ids, and only the fields every
 * engine version writes (id, name, tier, confidence, per-dimension levels, rank = position), so
 * fields an engine adds later are ignored rather than breaking the comparison.
 */
import { be, count, noun } from "./words";

/** One ranked candidate of a stored result, as far as a comparison needs it. */
export interface ComparedCandidate {
  id: string;
  name: string;
  tier: string;
  confidence?: string;
  /** dimension → level ("L1" … "L4"); whatever dimensions the domain has */
  scores: Record<string, string>;
  score?: number;
}

/** One side of a comparison: an evaluation's inputs and its stored outcome. */
export interface EvaluationSnapshot {
  eval_id: string;
  domain: string;
  pool: string;
  pool_version: number;
  rules_version: number;
  engine_version: string;
  profile: Record<string, unknown>;
  /** result.candidates, best first */
  candidates: readonly ComparedCandidate[];
  /** trace.eliminated: filter code → ids it removed */
  eliminated: Readonly<Record<string, readonly string[]>>;
  /** names of candidates that were filtered out (the ranked ones carry their own) */
  names?: ReadonlyMap<string, string>;
}

export type SideState =
  | { status: "eligible"; rank: number; tier: string; confidence: string | null; score: number | null; scores: Record<string, string> }
  | { status: "filtered"; filter: string }
  | { status: "absent" };

export type ChangeKind =
  "entered" | "left" | "entered_top_tier" | "left_top_tier" | "tier" | "levels" | "confidence" | "rank" | "added_to_pool" | "removed_from_pool";

export interface LevelChange {
  dimension: string;
  /** null when the dimension does not exist on that side (another engine version) */
  a: string | null;
  b: string | null;
}

export interface CandidateChange {
  id: string;
  name: string;
  kinds: ChangeKind[];
  /** eligibility changed, or the candidate entered or left the top tier */
  material: boolean;
  a: SideState;
  b: SideState;
  tier?: { a: string; b: string };
  levels?: LevelChange[];
  /** positive: moved up the ranking */
  rank?: { a: number; b: number; moved: number };
}

export interface InputChange {
  /** "profile.revenue", "pool", "pool_version", "rules_version", "engine_version" */
  field: string;
  a: unknown;
  b: unknown;
}

export interface CompareSummary {
  entered: number;
  left: number;
  entered_top_tier: number;
  left_top_tier: number;
  tier_up: number;
  tier_down: number;
  levels_changed: number;
  moved_up: number;
  moved_down: number;
  added_to_pool: number;
  removed_from_pool: number;
  /** eligible on both sides with the same tier, levels and rank */
  unchanged: number;
  material: boolean;
  /** the changes in words, most important first */
  sentences: string[];
}

export interface Comparison {
  domain: string;
  inputs: InputChange[];
  summary: CompareSummary;
  candidates: CandidateChange[];
}

export class DomainMismatchError extends Error {
  constructor(
    readonly a: string,
    readonly b: string,
  ) {
    super(`Evaluations of different domains cannot be compared (${a} and ${b})`);
    this.name = "DomainMismatchError";
  }
}

export interface CompareOptions {
  /** Tiers best first; the first is the "top tier" that makes a change material. */
  tiers?: readonly string[];
}

const DEFAULT_TIERS = ["STRONG_FIT", "MODERATE_FIT", "WEAK_FIT"] as const;
const TIER_WORDS: Record<string, string> = { STRONG_FIT: "Strong fit", MODERATE_FIT: "Moderate fit", WEAK_FIT: "Weak fit" };

interface Side {
  rank: Map<string, number>;
  filterOf: Map<string, string>;
}

function index(s: EvaluationSnapshot): Side {
  const rank = new Map<string, number>();
  for (let i = 0; i < s.candidates.length; i++) rank.set(s.candidates[i].id, i);
  const filterOf = new Map<string, string>();
  for (const code of Object.keys(s.eliminated)) for (const id of s.eliminated[code]) if (!filterOf.has(id)) filterOf.set(id, code);
  return { rank, filterOf };
}

function state(s: EvaluationSnapshot, side: Side, id: string): SideState {
  const r = side.rank.get(id);
  if (r !== undefined) {
    const c = s.candidates[r];
    return { status: "eligible", rank: r + 1, tier: c.tier, confidence: c.confidence ?? null, score: c.score ?? null, scores: c.scores };
  }
  const f = side.filterOf.get(id);
  return f !== undefined ? { status: "filtered", filter: f } : { status: "absent" };
}

export function compareInputs(a: EvaluationSnapshot, b: EvaluationSnapshot): InputChange[] {
  const out: InputChange[] = [];
  const keys = [...Object.keys(a.profile), ...Object.keys(b.profile).filter((k) => !Object.hasOwn(a.profile, k))];
  for (const k of keys) {
    const va = a.profile[k] ?? null;
    const vb = b.profile[k] ?? null;
    if (JSON.stringify(va) !== JSON.stringify(vb)) out.push({ field: `profile.${k}`, a: va, b: vb });
  }
  for (const f of ["pool", "pool_version", "rules_version", "engine_version"] as const) if (a[f] !== b[f]) out.push({ field: f, a: a[f], b: b[f] });
  return out;
}

/** Compare evaluation `a` (before) with `b` (after). */
export function compareEvaluations(a: EvaluationSnapshot, b: EvaluationSnapshot, opts: CompareOptions = {}): Comparison {
  if (a.domain !== b.domain) throw new DomainMismatchError(a.domain, b.domain);
  const tiers = opts.tiers ?? DEFAULT_TIERS;
  const tierRank = new Map(tiers.map((t, i) => [t, i]));
  const top = tiers[0];
  const sa = index(a);
  const sb = index(b);

  // Every id either side knows, in b's ranked order first, then a's, then the filtered ones.
  const ids: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  };
  for (const c of b.candidates) add(c.id);
  for (const c of a.candidates) add(c.id);
  for (const id of sa.filterOf.keys()) add(id);
  for (const id of sb.filterOf.keys()) add(id);

  const summary: CompareSummary = {
    entered: 0,
    left: 0,
    entered_top_tier: 0,
    left_top_tier: 0,
    tier_up: 0,
    tier_down: 0,
    levels_changed: 0,
    moved_up: 0,
    moved_down: 0,
    added_to_pool: 0,
    removed_from_pool: 0,
    unchanged: 0,
    material: false,
    sentences: [],
  };
  const changes: CandidateChange[] = [];

  for (const id of ids) {
    const x = state(a, sa, id);
    const y = state(b, sb, id);
    const kinds: ChangeKind[] = [];
    const change: CandidateChange = { id, name: nameOf(id, a, b, x, y), kinds, material: false, a: x, b: y };

    if (x.status === "absent" && y.status !== "absent") {
      kinds.push("added_to_pool");
      summary.added_to_pool++;
    } else if (y.status === "absent" && x.status !== "absent") {
      kinds.push("removed_from_pool");
      summary.removed_from_pool++;
    }

    if (x.status === "eligible" && y.status === "eligible") {
      if (x.tier !== y.tier) {
        change.tier = { a: x.tier, b: y.tier };
        kinds.push("tier");
        if ((tierRank.get(y.tier) ?? 99) < (tierRank.get(x.tier) ?? 99)) summary.tier_up++;
        else summary.tier_down++;
        if (y.tier === top) kinds.push("entered_top_tier");
        if (x.tier === top) kinds.push("left_top_tier");
      }
      const levels: LevelChange[] = [];
      for (const d of Object.keys(y.scores)) if (x.scores[d] !== y.scores[d]) levels.push({ dimension: d, a: x.scores[d] ?? null, b: y.scores[d] });
      for (const d of Object.keys(x.scores)) if (!Object.hasOwn(y.scores, d)) levels.push({ dimension: d, a: x.scores[d], b: null });
      if (levels.length) {
        change.levels = levels;
        kinds.push("levels");
        summary.levels_changed++;
      }
      if (x.confidence !== y.confidence) kinds.push("confidence");
      if (x.rank !== y.rank) {
        change.rank = { a: x.rank, b: y.rank, moved: x.rank - y.rank };
        kinds.push("rank");
        if (x.rank > y.rank) summary.moved_up++;
        else summary.moved_down++;
      }
      if (kinds.length === 0) summary.unchanged++;
    } else if (y.status === "eligible") {
      kinds.push("entered");
      summary.entered++;
      if (y.tier === top) kinds.push("entered_top_tier");
    } else if (x.status === "eligible") {
      kinds.push("left");
      summary.left++;
      if (x.tier === top) kinds.push("left_top_tier");
    }

    if (kinds.includes("entered_top_tier")) summary.entered_top_tier++;
    if (kinds.includes("left_top_tier")) summary.left_top_tier++;
    change.material = kinds.includes("entered") || kinds.includes("left") || kinds.includes("entered_top_tier") || kinds.includes("left_top_tier");
    if (kinds.length) changes.push(change);
  }

  changes.sort(byImportance);
  summary.material = summary.entered + summary.left + summary.entered_top_tier + summary.left_top_tier > 0;
  summary.sentences = sentences(summary, a.domain, top);
  return { domain: a.domain, inputs: compareInputs(a, b), summary, candidates: changes };
}

function nameOf(id: string, a: EvaluationSnapshot, b: EvaluationSnapshot, x: SideState, y: SideState): string {
  if (y.status === "eligible") return b.candidates[y.rank - 1].name;
  if (x.status === "eligible") return a.candidates[x.rank - 1].name;
  return b.names?.get(id) ?? a.names?.get(id) ?? id;
}

// Material changes first, then tier, then levels, then rank alone; within a group the better
// rank (after, else before) first.
function weight(c: CandidateChange): number {
  if (c.material) return 0;
  if (c.kinds.includes("tier")) return 1;
  if (c.kinds.includes("levels")) return 2;
  if (c.kinds.includes("confidence")) return 3;
  if (c.kinds.includes("rank")) return 4;
  return 5;
}
const rankKey = (c: CandidateChange) => (c.b.status === "eligible" ? c.b.rank : c.a.status === "eligible" ? 100_000 + c.a.rank : 1_000_000);
function byImportance(p: CandidateChange, q: CandidateChange): number {
  return weight(p) - weight(q) || rankKey(p) - rankKey(q) || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0);
}

function sentences(s: CompareSummary, domain: string, top: string): string[] {
  const n = (k: number) => count(domain, k);
  const topWords = TIER_WORDS[top] ?? top;
  const out: string[] = [];
  if (s.entered) out.push(`${n(s.entered)} became eligible`);
  if (s.left) out.push(`${n(s.left)} ${be(s.left)} no longer eligible`);
  if (s.entered_top_tier) out.push(`${n(s.entered_top_tier)} entered ${topWords}`);
  if (s.left_top_tier) out.push(`${n(s.left_top_tier)} left ${topWords}`);
  if (s.tier_up || s.tier_down) out.push(`${n(s.tier_up + s.tier_down)} changed tier (${s.tier_up} up, ${s.tier_down} down)`);
  if (s.levels_changed) out.push(`${n(s.levels_changed)} scored differently on at least one dimension`);
  if (s.moved_up || s.moved_down) out.push(`${n(s.moved_up + s.moved_down)} moved in the ranking (${s.moved_up} up, ${s.moved_down} down)`);
  if (s.added_to_pool) out.push(`${n(s.added_to_pool)} added to the pool`);
  if (s.removed_from_pool) out.push(`${n(s.removed_from_pool)} removed from the pool`);
  if (out.length === 0) out.push(`No ${noun(domain, 2)} changed`);
  return out;
}
