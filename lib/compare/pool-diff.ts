/**
 * The difference between two versions of a pool: candidates added and removed, and per candidate
 * the fields that changed (dotted paths, e.g. "lines.general_liability.appetite"), then the whole
 * in words ("14 carriers no longer write CA general liability"). Pure; works for any domain, with
 * a domain-specific summariser where one knows what the fields mean (lib/compare/pool-words-*.ts).
 */
import { carrierSentences } from "./pool-words-carriers";
import { genericSentences } from "./pool-words-generic";
import { count } from "./words";

export interface PoolRecord {
  id: string;
  name: string;
  [field: string]: unknown;
}

export interface FieldChange {
  /** dotted path inside the candidate record */
  path: string;
  /** null when absent (absent and null mean the same in pool data: unknown) */
  a: unknown;
  b: unknown;
  /** for lists of plain values (states, NAICS classes, features): what was added and removed */
  added?: unknown[];
  removed?: unknown[];
}

export interface CandidateFieldChanges {
  id: string;
  name: string;
  changes: FieldChange[];
}

export interface PoolDiff {
  domain: string;
  added: { id: string; name: string }[];
  removed: { id: string; name: string }[];
  changed: CandidateFieldChanges[];
  unchanged: number;
  /** the changes in words, most widespread first */
  summary: string[];
}

/** What a domain summariser gets: the changed candidates on both sides, by id. */
export interface ChangedPair {
  a: PoolRecord;
  b: PoolRecord;
  changes: FieldChange[];
}

const isPlain = (v: unknown) => v === null || typeof v !== "object";
const norm = (v: unknown) => (v === undefined ? null : v);

function diffValue(path: string, a: unknown, b: unknown, out: FieldChange[]) {
  a = norm(a);
  b = norm(b);
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    // Most lists are unchanged: equal element by element is the cheap common case.
    if (a.length === b.length && a.every((x, i) => x === b[i])) return;
    if (a.every(isPlain) && b.every(isPlain)) {
      const sa = new Set(a);
      const sb = new Set(b);
      const added = b.filter((x) => !sa.has(x));
      const removed = a.filter((x) => !sb.has(x));
      // Same members in another order is no change for these lists (they are sets).
      if (added.length || removed.length) out.push({ path, a, b, added, removed });
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, a, b });
    return;
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const k of Object.keys(ra)) diffValue(path ? `${path}.${k}` : k, ra[k], rb[k], out);
    for (const k of Object.keys(rb)) if (!Object.hasOwn(ra, k)) diffValue(path ? `${path}.${k}` : k, undefined, rb[k], out);
    return;
  }
  out.push({ path, a, b });
}

/** Field-level changes of one candidate between two versions (id excluded). */
export function diffCandidate(a: PoolRecord, b: PoolRecord): FieldChange[] {
  const out: FieldChange[] = [];
  const rest = (c: PoolRecord) => {
    const { id: _id, ...r } = c;
    return r;
  };
  diffValue("", rest(a), rest(b), out);
  return out;
}

export function diffPoolVersions(domain: string, a: readonly PoolRecord[], b: readonly PoolRecord[]): PoolDiff {
  const byA = new Map(a.map((c) => [c.id, c]));
  const byB = new Map(b.map((c) => [c.id, c]));
  const added = b.filter((c) => !byA.has(c.id)).map((c) => ({ id: c.id, name: c.name }));
  const removed = a.filter((c) => !byB.has(c.id)).map((c) => ({ id: c.id, name: c.name }));
  const changed: CandidateFieldChanges[] = [];
  const pairs: ChangedPair[] = [];
  let unchanged = 0;
  for (const cb of b) {
    const ca = byA.get(cb.id);
    if (!ca) continue;
    const changes = diffCandidate(ca, cb);
    if (changes.length === 0) {
      unchanged++;
      continue;
    }
    changed.push({ id: cb.id, name: cb.name, changes });
    pairs.push({ a: ca, b: cb, changes });
  }
  const summary: string[] = [];
  if (added.length) summary.push(`${count(domain, added.length)} added${names(added)}`);
  if (removed.length) summary.push(`${count(domain, removed.length)} removed${names(removed)}`);
  summary.push(...(domain === "carriers" ? carrierSentences(pairs) : genericSentences(domain, pairs)));
  if (summary.length === 0) summary.push("No differences");
  return { domain, added, removed, changed, unchanged, summary };
}

const names = (list: { name: string }[]) => (list.length <= 3 ? ` (${list.map((c) => c.name).join(", ")})` : "");
