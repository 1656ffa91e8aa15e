// Pool changes in words for any domain: how many candidates changed each field.
import type { ChangedPair } from "./pool-diff";
import { count } from "./words";

const MAX_SENTENCES = 8;

/** "placement.hit_ratio" → "placement hit ratio"; list indices and dots become spaces. */
export function fieldLabel(path: string): string {
  return path
    .replace(/\.\d+(?=\.|$)/g, "")
    .replace(/[._]/g, " ")
    .trim();
}

/** Count candidates per label (a candidate counts once per label), most widespread first. */
export function countByLabel(pairs: readonly ChangedPair[], label: (path: string) => string | null): [string, number][] {
  const counts = new Map<string, number>();
  for (const p of pairs) {
    const seen = new Set<string>();
    for (const c of p.changes) {
      const l = label(c.path);
      if (l === null || seen.has(l)) continue;
      seen.add(l);
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
  }
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
}

export function limitSentences(list: string[], max = MAX_SENTENCES): string[] {
  if (list.length <= max) return list;
  return [...list.slice(0, max - 1), `${list.length - max + 1} other kinds of change`];
}

export function genericSentences(domain: string, pairs: readonly ChangedPair[]): string[] {
  return limitSentences(countByLabel(pairs, fieldLabel).map(([label, k]) => `${count(domain, k)} changed ${label}`));
}
