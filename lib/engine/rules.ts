/** Per-organization rule overrides: deep merge onto a domain's defaults, strictly checked. */

export class RuleOverrideError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = "RuleOverrideError";
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Returns a new rules object: `overrides` deep-merged onto `defaults`. Arrays and scalars replace
 * the default wholesale. An unknown key or a value of the wrong type throws, because a typo in an
 * organization's overrides must not silently fall back to the default.
 */
export function mergeRules<R>(defaults: R, overrides: unknown, path = "rules"): R {
  if (overrides === undefined || overrides === null) return defaults;
  if (!isPlainObject(overrides) || !isPlainObject(defaults)) {
    throw new RuleOverrideError(`${path} must be an object`, path);
  }
  const out: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(overrides)) {
    const p = `${path}.${key}`;
    if (!(key in defaults)) throw new RuleOverrideError(`Unknown rule ${p}`, p);
    const base = (defaults as Record<string, unknown>)[key];
    const value = overrides[key];
    if (value === undefined) continue;
    if (isPlainObject(base)) {
      out[key] = mergeRules(base, value, p);
    } else if (Array.isArray(base)) {
      if (!Array.isArray(value)) throw new RuleOverrideError(`${p} must be an array`, p);
      out[key] = value;
    } else if (base === null || value === null) {
      // Nullable thresholds ("no floor") accept a number, a string or null.
      out[key] = value;
    } else if (typeof base !== typeof value) {
      throw new RuleOverrideError(`${p} must be a ${typeof base}`, p);
    } else if (typeof value === "number" && !Number.isFinite(value)) {
      throw new RuleOverrideError(`${p} must be a finite number`, p);
    } else {
      out[key] = value;
    }
  }
  return out as R;
}

/** JSON with object keys sorted, so equal rules always hash the same. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/**
 * 64-bit non-cryptographic hash (two cyrb53-style lanes) as 16 hex digits. It identifies a rule
 * set in a trace; it protects nothing, so a pure-JS hash keeps the engine free of node:crypto.
 */
export function hashString(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}

// Rules objects are never mutated once merged, and the defaults are one object: hash each once.
const hashes = new WeakMap<object, string>();

export function rulesHash(rules: unknown): string {
  if (typeof rules !== "object" || rules === null) return hashString(stableStringify(rules));
  let h = hashes.get(rules);
  if (h === undefined) {
    h = hashString(stableStringify(rules));
    hashes.set(rules, h);
  }
  return h;
}

/**
 * Drops the overrides an earlier engine version knew and this one does not (`legacy`: the domain's
 * `legacyRules`), returning what is left and one note per dropped rule. Overrides without a legacy
 * rule come back as they are (the same object), so the usual evaluation costs nothing extra.
 */
export function dropLegacyRules(
  overrides: unknown,
  legacy: readonly { path: string; elementKey?: string; note: string }[] | undefined,
): { overrides: unknown; notes: string[] } {
  if (!legacy || legacy.length === 0 || !isPlainObject(overrides)) return { overrides, notes: [] };
  let out: Record<string, unknown> | null = null;
  const notes: string[] = [];
  for (const rule of legacy) {
    const keys = rule.path.split(".");
    let node: unknown = out ?? overrides;
    for (const k of keys.slice(0, -1)) node = isPlainObject(node) ? node[k] : undefined;
    const last = keys[keys.length - 1];
    if (!isPlainObject(node) || !(last in node)) continue;
    const value = node[last];
    if (rule.elementKey && !(Array.isArray(value) && value.some((e) => isPlainObject(e) && rule.elementKey! in e))) continue;
    // Copy the path down to the key (the caller's overrides are never changed), then drop it.
    out ??= structuredClone(overrides);
    let parent: Record<string, unknown> = out;
    for (const k of keys.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
    delete parent[last];
    notes.push(`Rule ${rule.path} = ${JSON.stringify(value)} was saved for an earlier engine and no longer applies: ${rule.note}`);
  }
  return { overrides: out ?? overrides, notes };
}
