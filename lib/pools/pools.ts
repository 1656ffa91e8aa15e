import type { PrismaClient } from "@/lib/generated/prisma/client";
import { processCache } from "@/lib/process-cache";
import { sha256Hex, newId } from "@/lib/ids";

// Pools and their immutable versions. A pool without organization is shared with every
// organization (the demo pools); an organization's own pools are visible to it alone.

export interface PoolSummary {
  id: string;
  domain: string;
  name: string;
  description: string;
  size: number;
  version: number;
  shared: boolean;
}

export async function listPools(db: PrismaClient, organizationId: string): Promise<PoolSummary[]> {
  const pools = await db.pool.findMany({
    where: { OR: [{ organizationId: null }, { organizationId }], currentVersionId: { not: null } },
    orderBy: { key: "asc" },
    select: { key: true, domain: true, name: true, description: true, currentVersionId: true, organizationId: true },
  });
  const versions = await db.poolVersion.findMany({
    where: { id: { in: pools.map((p) => p.currentVersionId!) } },
    select: { id: true, version: true, size: true },
  });
  const byId = new Map(versions.map((v) => [v.id, v]));
  return pools.map((p) => ({
    id: p.key,
    domain: p.domain,
    name: p.name,
    description: p.description,
    size: byId.get(p.currentVersionId!)?.size ?? 0,
    version: byId.get(p.currentVersionId!)?.version ?? 0,
    shared: p.organizationId === null,
  }));
}

type PoolRow = { id: string; key: string; domain: string; organizationId: string | null; currentVersionId: string | null };
// Pools change only when a new version is imported: a few seconds of memory saves a round trip
// on every submission. upsertPoolVersion (demo seeding, organization imports) forgets the entry
// in this process, and on PostgreSQL in every other one (the pools trigger NOTIFYs "nexio_cache",
// lib/db/listen.ts calls forgetPool); otherwise other processes see a new version within
// POOL_CACHE_MS.
const POOL_CACHE_MS = 5_000;
const poolCache = processCache<PoolRow | null>("pools", POOL_CACHE_MS, 1_000);

export function forgetAllPools() {
  poolCache.clear();
}

/** Forget a pool (by its public id) in this process, so the next submission reads it again. */
export function forgetPool(key: string) {
  poolCache.delete(key);
}

/** The pool an organization may use under this identifier, with its current version id. */
export async function findUsablePool(db: PrismaClient, organizationId: string, key: string) {
  const pool = await poolCache.get(key, () =>
    db.pool.findUnique({ where: { key }, select: { id: true, key: true, domain: true, organizationId: true, currentVersionId: true } }),
  );
  if (!pool || !pool.currentVersionId) return null;
  if (pool.organizationId !== null && pool.organizationId !== organizationId) return null;
  return pool as typeof pool & { currentVersionId: string };
}

// Pool versions never change once written, so a process keeps the parsed candidates it has
// loaded. A few versions of a few MB each: bounded by a small LRU.
const cache = new Map<string, { version: number; poolKey: string; domain: string; candidates: unknown[] }>();
const CACHE_MAX = 16;

export async function loadPoolVersion(db: PrismaClient, poolVersionId: string) {
  const hit = cache.get(poolVersionId);
  if (hit) {
    cache.delete(poolVersionId);
    cache.set(poolVersionId, hit);
    return hit;
  }
  const row = await db.poolVersion.findUnique({
    where: { id: poolVersionId },
    select: { version: true, candidates: true, pool: { select: { key: true, domain: true } } },
  });
  if (!row) return null;
  const entry = { version: row.version, poolKey: row.pool.key, domain: row.pool.domain, candidates: row.candidates as unknown[] };
  cache.set(poolVersionId, entry);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return entry;
}

/**
 * Make `candidates` the pool's current version: a new version when the data differs from the
 * current one, nothing when it is the same (so seeding on every start is safe).
 */
export async function upsertPoolVersion(
  db: PrismaClient,
  pool: { key: string; domain: string; name: string; description: string; organizationId: string | null },
  candidates: unknown[],
  source = "demo",
) {
  poolCache.delete(pool.key);
  const json = JSON.stringify(candidates);
  const checksum = sha256Hex(json);
  let row = await db.pool.findUnique({ where: { key: pool.key } });
  row ??= await db.pool.create({ data: { id: newId("pool"), ...pool } });
  if (row.currentVersionId) {
    const current = await db.poolVersion.findUnique({ where: { id: row.currentVersionId }, select: { id: true, version: true, checksum: true } });
    if (current?.checksum === checksum) return { poolId: row.id, versionId: current.id, version: current.version, created: false };
  }
  const last = await db.poolVersion.findFirst({ where: { poolId: row.id }, orderBy: { version: "desc" }, select: { version: true } });
  const version = (last?.version ?? 0) + 1;
  const created = await db.poolVersion.create({
    data: { id: newId("pv"), poolId: row.id, version, size: candidates.length, checksum, candidates: candidates as object[], source },
  });
  // Only forward: an import that took version 2 but finishes after the one that took version 3
  // must not make 2 current again. One statement, so no lock is held across the two writes.
  await db.$executeRaw`
    UPDATE pools SET current_version_id = ${created.id}, domain = ${pool.domain}, name = ${pool.name}, description = ${pool.description}
     WHERE id = ${row.id}
       AND (current_version_id IS NULL OR (SELECT v.version FROM pool_versions v WHERE v.id = pools.current_version_id) < ${version}::int)`;
  // Again: a submission between the first delete and the update may have cached the old version.
  poolCache.delete(pool.key);
  return { poolId: row.id, versionId: created.id, version, created: true };
}
