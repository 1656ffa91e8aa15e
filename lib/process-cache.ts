// A few seconds of memory in front of a database read that every request makes (the API key, the
// pool), one cache per process: kept on globalThis because Next.js bundles route handlers and
// instrumentation separately, and they must share it. Entries expire after `ttlMs`; whoever
// changes the data forgets the entry (here, and in other processes through lib/notifications.ts).

interface Entry<V> {
  value: V;
  until: number;
}

export class ProcessCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  // Bumped by every delete/clear: a load that started before one may have read the row as it was
  // before the change (a key being revoked), so its value is returned but not remembered.
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /**
   * The cached value, or `load()`'s, remembered for ttlMs when `keep(value)` says so (the API-key
   * cache keeps only keys that exist: unknown keys must not push valid ones out).
   */
  async get(key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation && keep(value)) {
      // Full: drop the oldest entry (Map keeps insertion order), not everything.
      if (this.entries.size >= this.maxEntries && !this.entries.has(key)) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, until: Date.now() + this.ttlMs });
    }
    return value;
  }

  /** The cached value if there is a fresh one, without loading. */
  peek(key: string): V | undefined {
    const hit = this.entries.get(key);
    return hit && hit.until > Date.now() ? hit.value : undefined;
  }

  delete(key: string) {
    this.generation++;
    this.entries.delete(key);
  }

  deleteWhere(test: (value: V) => boolean) {
    this.generation++;
    for (const [key, entry] of this.entries) if (test(entry.value)) this.entries.delete(key);
  }

  clear() {
    this.generation++;
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}

declare global {
  var __nexioCaches: Map<string, ProcessCache<unknown>> | undefined;
}

/** The process's cache called `name` (made on first use). */
export function processCache<V>(name: string, ttlMs: number, maxEntries: number): ProcessCache<V> {
  const all = (globalThis.__nexioCaches ??= new Map());
  let cache = all.get(name);
  if (!cache) all.set(name, (cache = new ProcessCache<unknown>(ttlMs, maxEntries)));
  return cache as ProcessCache<V>;
}
