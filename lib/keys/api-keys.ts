import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newId, randomBase62, sha256Hex } from "@/lib/ids";
import { processCache } from "@/lib/process-cache";
import { ALL_SCOPES } from "@/lib/keys/scopes";

// API keys: `nx_live_…` or `nx_test_…` + 32 base62 characters (≈ 190 bits). Only the SHA-256 hash
// and a short prefix are stored; the key itself is shown once. A fast hash is right here (unlike
// passwords) because the key is long and random: there is nothing to brute-force.

export interface CreatedKey {
  id: string;
  key: string;
  prefix: string;
  name: string;
  mode: "live" | "test";
}

export async function createApiKey(
  db: PrismaClient,
  organizationId: string,
  opts: { name?: string; test?: boolean; scopes?: string[]; expiresAt?: Date | null } = {},
): Promise<CreatedKey> {
  const mode = opts.test ? "test" : "live";
  const key = `nx_${mode}_${randomBase62(32)}`;
  const row = await db.apiKey.create({
    data: {
      id: newId("key"),
      organizationId,
      name: opts.name?.trim() || "Default key",
      prefix: key.slice(0, 12),
      hash: sha256Hex(key),
      mode,
      scopes: opts.scopes?.length ? [...new Set(opts.scopes)] : [ALL_SCOPES],
      expiresAt: opts.expiresAt ?? null,
    },
  });
  return { id: row.id, key, prefix: row.prefix, name: row.name, mode };
}

export interface KeyOwner {
  apiKeyId: string;
  organizationId: string;
  prefix: string;
  mode: "live" | "test";
  scopes: string[];
  expiresAt: Date | null;
  /** true on the request that used the key for the first time (for the audit log) */
  firstUse?: boolean;
}

// Every API request authenticates, so a key's row is remembered for a few seconds instead of read
// each time (the submit path then needs one database round trip, not three). Revoking forgets the
// key at once in the revoking process and, on PostgreSQL, in every other one (a trigger NOTIFYs
// "nexio_cache" and lib/db/listen.ts calls forgetApiKey); without that message, KEY_CACHE_MS bounds
// how long another process can still accept it.
export const KEY_CACHE_MS = 5_000;
// Only keys that exist are remembered: a flood of made-up keys must neither fill the cache nor push
// valid keys out of it (lib/auth/principal.ts limits unknown keys per client address instead).
const keyCache = processCache<KeyOwner | null>("api-keys", KEY_CACHE_MS, 10_000);

export function forgetAllApiKeys() {
  keyCache.clear();
}

/** Forget a key (by its id) in this process, so the next request reads its row again. */
export function forgetApiKey(id: string) {
  keyCache.deleteWhere((owner) => owner?.apiKeyId === id);
}

/** The organization a presented key belongs to, or null for a missing, unknown or revoked key. */
export async function authenticateApiKey(db: PrismaClient, presented: string | null): Promise<KeyOwner | null> {
  if (!presented || presented.length > 200 || !/^nx_(live|test)_[0-9A-Za-z]+$/.test(presented)) return null;
  const hash = sha256Hex(presented);
  const owner = await keyCache.get(
    hash,
    () => lookupKey(db, hash),
    (owner) => owner !== null,
  );
  // Checked on every use, cached or not: an expired key stops at its expiry, not 5 s later.
  if (!owner || (owner.expiresAt && owner.expiresAt.getTime() <= Date.now())) return null;
  void recentlyValid.get(hash, async () => true);
  if (!owner.firstUse) return owner;
  // Reported once: the cached entry no longer says so.
  const result = { ...owner };
  owner.firstUse = false;
  return result;
}

// Keys that authenticated in the last 10 minutes (hashes only): they skip the unknown-key limit of
// their address (lib/api/invalid-keys.ts) even after their 5 s cache entry expired. Filled only by
// valid keys, so a flood of made-up keys cannot push them out.
const recentlyValid = processCache<true>("api-keys-recently-valid", 10 * 60_000, 10_000);

/** The key's owner when this process has it cached (no database read): a valid key skips the unknown-key limit. */
export function cachedApiKey(presented: string | null): KeyOwner | undefined {
  if (!presented || presented.length > 200) return undefined;
  return keyCache.peek(sha256Hex(presented)) ?? undefined;
}

/** Whether this key authenticated here recently (it is then not treated as a guess). */
export function recentlyValidApiKey(presented: string | null): boolean {
  return !!presented && presented.length <= 200 && recentlyValid.peek(sha256Hex(presented)) === true;
}

/** For tests: how many keys this process remembers. */
export function cachedApiKeyCount() {
  return keyCache.size;
}

async function lookupKey(db: PrismaClient, hash: string): Promise<KeyOwner | null> {
  const row = await db.apiKey.findUnique({
    where: { hash },
    select: { id: true, organizationId: true, hash: true, revokedAt: true, lastUsedAt: true, prefix: true, mode: true, scopes: true, expiresAt: true },
  });
  if (!row) return null;
  // The lookup is by hash already; the constant-time compare guards against any index-level
  // shortcut and keeps the check explicit.
  if (!crypto.timingSafeEqual(Buffer.from(row.hash), Buffer.from(hash))) return null;
  if (row.revokedAt) return null;
  // last_used_at is for people ("used 3 minutes ago"): one write a minute per key is plenty.
  const now = Date.now();
  let firstUse = false;
  if (!row.lastUsedAt) {
    // The first use is an audit event: only the request whose update moved last_used_at off NULL says so.
    const { count } = await db.apiKey.updateMany({ where: { id: row.id, lastUsedAt: null }, data: { lastUsedAt: new Date(now) } });
    firstUse = count === 1;
  } else if (now - row.lastUsedAt.getTime() > 60_000) {
    void db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  return {
    apiKeyId: row.id,
    organizationId: row.organizationId,
    prefix: row.prefix,
    mode: row.mode === "test" ? "test" : "live",
    scopes: row.scopes,
    expiresAt: row.expiresAt,
    firstUse,
  };
}

export async function revokeApiKey(db: PrismaClient, organizationId: string, id: string): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({
    where: { id, organizationId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  forgetApiKey(id);
  return count === 1;
}
