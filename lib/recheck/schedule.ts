import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";

// Scheduling a re-check: when a pool gets a new version, or an organization saves new scoring
// rules for a domain, every completed evaluation of the organization's last `recheck_days` days on
// that pool (or on any pool of that domain) gets a pending item. Nothing is evaluated here: the
// runner (runner.ts) turns items into jobs a few at a time, so a re-check of thousands never
// crowds out new submissions. An evaluation that already waits in an earlier re-check is not
// queued twice; re-check jobs are never re-checked themselves (their original is).

export type RecheckTrigger =
  { trigger: "pool_version"; poolId: string; domain: string; poolVersion: number } | { trigger: "scoring_rules"; domain: string; rulesVersion: number };

export async function scheduleRecheck(db: PrismaClient, organizationId: string, t: RecheckTrigger) {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { recheckDays: true } });
  if (!org || org.recheckDays <= 0) return null;
  const since = new Date(Date.now() - org.recheckDays * 86_400_000);
  const originals = await db.job.findMany({
    where: {
      organizationId,
      status: "completed",
      createdAt: { gte: since },
      OR: [{ sourceKind: null }, { sourceKind: { not: "recheck" } }],
      ...(t.trigger === "pool_version" ? { poolId: t.poolId } : { pool: { domain: t.domain } }),
    },
    select: { id: true },
  });
  const ids = originals.map((j) => j.id);
  const waiting = new Set(
    (await db.recheckItem.findMany({ where: { originalJobId: { in: ids }, status: "pending" }, select: { originalJobId: true } })).map((i) => i.originalJobId),
  );
  // What a new result is compared with: the latest completed re-check of that evaluation, so a
  // second pool version does not report the first one's changes again; else the evaluation itself.
  const latest = new Map<string, string>();
  const previous = await db.job.findMany({
    where: { sourceJobId: { in: ids }, sourceKind: "recheck", status: "completed" },
    orderBy: { createdAt: "asc" },
    select: { id: true, sourceJobId: true },
  });
  for (const p of previous) latest.set(p.sourceJobId!, p.id);

  const todo = ids.filter((id) => !waiting.has(id));
  const recheck = await db.recheck.create({
    data: {
      id: newId("rck"),
      organizationId,
      trigger: t.trigger,
      domain: t.domain,
      poolId: t.trigger === "pool_version" ? t.poolId : null,
      poolVersion: t.trigger === "pool_version" ? t.poolVersion : null,
      rulesVersion: t.trigger === "scoring_rules" ? t.rulesVersion : null,
      since,
      total: todo.length,
    },
    select: { id: true },
  });
  for (let i = 0; i < todo.length; i += 1000) {
    await db.recheckItem.createMany({
      data: todo.slice(i, i + 1000).map((originalJobId) => ({
        id: newId("rci"),
        recheckId: recheck.id,
        organizationId,
        originalJobId,
        baselineJobId: latest.get(originalJobId) ?? originalJobId,
      })),
    });
  }
  return { id: recheck.id, total: todo.length };
}
