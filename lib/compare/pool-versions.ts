import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { loadPoolVersion } from "@/lib/pools/pools";
import { diffPoolVersions, type PoolRecord } from "./pool-diff";
import type { ListPoolVersionsResponse, PoolDiffResponse } from "./schemas";

// A pool's history: its immutable versions, and the difference between any two of them. The
// pools an organization may read are the ones it may evaluate against (its own and the shared
// demo pools); any other id is not found.

async function visiblePool(db: PrismaClient, organizationId: string, key: string) {
  const pool = await db.pool.findFirst({
    where: { key, OR: [{ organizationId: null }, { organizationId }] },
    select: { id: true, key: true, domain: true, currentVersionId: true },
  });
  if (!pool) throw notFound("Pool");
  return pool;
}

export async function listPoolVersions(db: PrismaClient, organizationId: string, key: string): Promise<ListPoolVersionsResponse> {
  const pool = await visiblePool(db, organizationId, key);
  const versions = await db.poolVersion.findMany({
    where: { poolId: pool.id },
    orderBy: { version: "desc" },
    select: { id: true, version: true, size: true, source: true, checksum: true, createdAt: true },
  });
  return {
    pool: pool.key,
    domain: pool.domain,
    data: versions.map((v) => ({
      version: v.version,
      size: v.size,
      source: v.source,
      checksum: v.checksum,
      created_at: v.createdAt.toISOString(),
      current: v.id === pool.currentVersionId,
    })),
  };
}

export async function diffPoolVersionsOf(db: PrismaClient, organizationId: string, key: string, from: number, to: number): Promise<PoolDiffResponse> {
  const pool = await visiblePool(db, organizationId, key);
  const rows = await db.poolVersion.findMany({ where: { poolId: pool.id, version: { in: [from, to] } }, select: { id: true, version: true } });
  const idOf = (v: number) => rows.find((r) => r.version === v)?.id;
  const [ia, ib] = [idOf(from), idOf(to)];
  if (!ia || !ib) throw notFound("Pool version");
  const [a, b] = await Promise.all([loadPoolVersion(db, ia), loadPoolVersion(db, ib)]);
  const diff = diffPoolVersions(pool.domain, (a?.candidates ?? []) as PoolRecord[], (b?.candidates ?? []) as PoolRecord[]);
  return { pool: pool.key, from, to, ...diff };
}
