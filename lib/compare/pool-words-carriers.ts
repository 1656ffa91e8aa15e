// Carrier pool changes in words, in the order an underwriter cares about: where carriers write
// (state × line), appetite, financial strength, revenue bands, then everything else.
import { AM_BEST_RATINGS, FINANCIAL_SIZES } from "@/lib/engine/domains/carriers/schema";
import { LINE_LABELS } from "@/lib/engine/domains/carriers/lines";
import type { ChangedPair, PoolRecord } from "./pool-diff";
import { countByLabel, fieldLabel, limitSentences } from "./pool-words-generic";
import { count } from "./words";

const APPETITE_ORDER = ["target", "consider", "limited"];
const MAX_PAIR_SENTENCES = 5;
const MAX_OTHER_SENTENCES = 8;

const lineWords = (line: string) => {
  const label = (LINE_LABELS as Record<string, string>)[line];
  return label ? label.charAt(0).toLowerCase() + label.slice(1) : line.replace(/_/g, " ");
};
const LINE_FIELD_WORDS: Record<string, string> = {
  max_limit: "maximum limit",
  min_premium: "minimum premium",
  rate_position: "rate position",
  target_naics: "target classes",
  excluded_naics: "excluded classes",
  features: "coverage features",
  min_years_in_business: "years-in-business requirement",
  max_prior_claims: "prior-claims limit",
  max_experience_mod: "experience-mod limit",
};

interface Writes {
  lines: Set<string>;
  states: Set<string>;
}

function writes(c: PoolRecord): Writes {
  const lines = new Set(Object.keys((c.lines as Record<string, unknown> | undefined) ?? {}));
  const states = new Set([...((c.admitted_states as string[] | undefined) ?? []), ...((c.surplus_lines_states as string[] | undefined) ?? [])]);
  return { lines, states };
}

function bump(m: Map<string, number>, k: string) {
  m.set(k, (m.get(k) ?? 0) + 1);
}
const sorted = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));

/** A carrier writes a state × line when it has the line and the state (admitted or surplus lines). */
function coverageSentences(pairs: readonly ChangedPair[]): string[] {
  const linesLost = new Map<string, number>();
  const linesGained = new Map<string, number>();
  const pairsLost = new Map<string, number>();
  const pairsGained = new Map<string, number>();
  for (const p of pairs) {
    const a = writes(p.a);
    const b = writes(p.b);
    for (const l of a.lines) if (!b.lines.has(l) && a.states.size) bump(linesLost, l);
    for (const l of b.lines) if (!a.lines.has(l) && b.states.size) bump(linesGained, l);
    // State × line pairs on a line kept on both sides (a dropped line is said once, above).
    for (const l of a.lines) {
      if (!b.lines.has(l)) continue;
      for (const s of a.states) if (!b.states.has(s)) bump(pairsLost, `${s} ${l}`);
      for (const s of b.states) if (!a.states.has(s)) bump(pairsGained, `${s} ${l}`);
    }
  }
  const out: string[] = [];
  for (const [l, k] of sorted(linesLost)) out.push(`${count("carriers", k)} stopped writing ${lineWords(l)}`);
  for (const [l, k] of sorted(linesGained)) out.push(`${count("carriers", k)} started writing ${lineWords(l)}`);
  const pairWords = (key: string) => {
    const [s, l] = key.split(" ");
    return `${s} ${lineWords(l)}`;
  };
  const lost = sorted(pairsLost);
  const gained = sorted(pairsGained);
  for (const [key, k] of lost.slice(0, MAX_PAIR_SENTENCES)) out.push(`${count("carriers", k)} no longer write${k === 1 ? "s" : ""} ${pairWords(key)}`);
  if (lost.length > MAX_PAIR_SENTENCES) out.push(`fewer carriers write ${lost.length - MAX_PAIR_SENTENCES} other state and line combinations`);
  for (const [key, k] of gained.slice(0, MAX_PAIR_SENTENCES)) out.push(`${count("carriers", k)} now write${k === 1 ? "s" : ""} ${pairWords(key)}`);
  if (gained.length > MAX_PAIR_SENTENCES) out.push(`more carriers write ${gained.length - MAX_PAIR_SENTENCES} other state and line combinations`);
  return out;
}

/** Changes of an ordered value (appetite, rating, size): how many got worse, how many better. */
function orderedSentences(
  pairs: readonly ChangedPair[],
  match: (path: string) => string | null,
  order: readonly string[],
  worseIsHigherIndex: boolean,
  words: (key: string, worse: number, better: number) => string,
): string[] {
  const worse = new Map<string, number>();
  const better = new Map<string, number>();
  for (const p of pairs) {
    for (const c of p.changes) {
      const key = match(c.path);
      if (key === null || c.a === null || c.b === null) continue;
      const ia = order.indexOf(String(c.a));
      const ib = order.indexOf(String(c.b));
      if (ia < 0 || ib < 0 || ia === ib) continue;
      bump(ib > ia === worseIsHigherIndex ? worse : better, key);
    }
  }
  const keys = [...new Set([...worse.keys(), ...better.keys()])];
  const total = (k: string) => (worse.get(k) ?? 0) + (better.get(k) ?? 0);
  keys.sort((x, y) => total(y) - total(x) || (x < y ? -1 : 1));
  return keys.map((k) => words(k, worse.get(k) ?? 0, better.get(k) ?? 0));
}

const split = (worse: number, better: number, w: string, b: string) =>
  worse && better
    ? `${worse + better} carriers (${worse} ${w}, ${better} ${b})`
    : worse
      ? `${count("carriers", worse)} ${w}`
      : `${count("carriers", better)} ${b}`;

const lineField = (path: string) => /^lines\.([a-z_]+)\.([a-z_]+)$/.exec(path) ?? /^lines\.([a-z_]+)\.([a-z_]+)\.\d+$/.exec(path);

export function carrierSentences(pairs: readonly ChangedPair[]): string[] {
  const out = coverageSentences(pairs);

  out.push(
    ...orderedSentences(
      pairs,
      (p) => (lineField(p)?.[2] === "appetite" ? lineField(p)![1] : null),
      APPETITE_ORDER,
      true,
      (line, w, b) => `${split(w, b, "weaker", "stronger")}: ${lineWords(line)} appetite`,
    ),
  );
  out.push(
    ...orderedSentences(
      pairs,
      (p) => (p === "am_best_rating" ? "rating" : null),
      AM_BEST_RATINGS,
      true,
      (_k, w, b) => `${split(w, b, "downgraded", "upgraded")} by AM Best`,
    ),
  );
  out.push(
    ...orderedSentences(
      pairs,
      (p) => (p === "financial_size" ? "size" : null),
      FINANCIAL_SIZES,
      false,
      (_k, w, b) => `${split(w, b, "smaller", "larger")}: AM Best financial size category`,
    ),
  );

  // Everything else: revenue bands and other per-line figures by line, then the remaining fields.
  const handled = (path: string) => path === "am_best_rating" || path === "financial_size" || path === "admitted_states" || path === "surplus_lines_states";
  const other = countByLabel(pairs, (path) => {
    if (handled(path)) return null;
    const m = lineField(path);
    if (m) {
      const [, line, field] = m;
      if (field === "appetite") return null;
      if (field === "revenue_min" || field === "revenue_max") return `their ${lineWords(line)} revenue band`;
      return `their ${lineWords(line)} ${LINE_FIELD_WORDS[field] ?? field.replace(/_/g, " ")}`;
    }
    // A line added or removed as a whole is already said by the coverage sentences.
    if (/^lines\.[a-z_]+$/.test(path)) return null;
    return fieldLabel(path);
  });
  out.push(
    ...limitSentences(
      other.map(([label, k]) => `${count("carriers", k)} changed ${label}`),
      MAX_OTHER_SENTENCES,
    ),
  );
  return out;
}
