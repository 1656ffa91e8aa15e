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

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** The cached value, or `load()`'s, remembered for ttlMs. */
  async get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = await load();
    if (this.entries.size > this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, until: Date.now() + this.ttlMs });
    return value;
  }

  delete(key: string) {
    this.entries.delete(key);
  }

  deleteWhere(test: (value: V) => boolean) {
    for (const [key, entry] of this.entries) if (test(entry.value)) this.entries.delete(key);
  }

  clear() {
    this.entries.clear();
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
