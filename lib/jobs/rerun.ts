import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EVAL_ID_PATTERN } from "@/lib/ids";
import { listPools } from "@/lib/pools/pools";

/** What "Edit and re-run" opens the New evaluation form with: one job's pool, profile and webhook. */
export interface RerunPrefill {
  evalId: string;
  /** the pool the job ran against, as submitted ("carriers:all") */
  poolKey: string;
  /** false when the organization can no longer evaluate against that pool */
  poolAvailable: boolean;
  /** the pool's domain, so the form can draw the profile's fields even without the pool */
  domain: string;
  profile: Record<string, unknown>;
  webhookUrl: string | null;
}

// Scoped like every job read (read.ts): a job of another organization, or an unknown or malformed
// id, is simply not there, and the caller gets null, never the other organization's data.
export async function loadRerunPrefill(db: PrismaClient, organizationId: string, evalId: string): Promise<RerunPrefill | null> {
  if (!EVAL_ID_PATTERN.test(evalId)) return null;
  const job = await db.job.findFirst({
    where: { id: evalId, organizationId },
    select: { id: true, poolKey: true, profile: true, webhookUrl: true, pool: { select: { domain: true } } },
  });
  if (!job) return null;
  // The same list the pool picker shows (GET /api/v1/pools): usable now, not just when it ran.
  const poolAvailable = (await listPools(db, organizationId)).some((p) => p.id === job.poolKey);
  return {
    evalId: job.id,
    poolKey: job.poolKey,
    poolAvailable,
    domain: job.pool.domain,
    profile: (job.profile ?? {}) as Record<string, unknown>,
    webhookUrl: job.webhookUrl,
  };
}
