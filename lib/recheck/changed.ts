import type { PrismaClient } from "@/lib/generated/prisma/client";

// "Changed since": for evaluations (by id), the latest re-check that found a material change.
// One query for a whole History page.

export interface ChangedSince {
  eval_id: string;
  compared_at: string;
  sentences: string[];
}

export async function changedSince(db: PrismaClient, organizationId: string, ids: string[]): Promise<Map<string, ChangedSince>> {
  const out = new Map<string, ChangedSince>();
  if (ids.length === 0) return out;
  const rows = await db.recheckItem.findMany({
    where: { organizationId, originalJobId: { in: ids }, status: "done", material: true, jobId: { not: null } },
    orderBy: { comparedAt: "desc" },
    select: { originalJobId: true, jobId: true, comparedAt: true, summary: true },
  });
  for (const r of rows) {
    if (out.has(r.originalJobId)) continue;
    out.set(r.originalJobId, changedSinceOf({ jobId: r.jobId!, comparedAt: r.comparedAt, summary: r.summary }));
  }
  return out;
}

/** The API's view of one re-check that found a material change (lib/jobs/read.ts reads it in its own query). */
export function changedSinceOf(r: { jobId: string; comparedAt: Date | null; summary: unknown }): ChangedSince {
  return {
    eval_id: r.jobId,
    compared_at: (r.comparedAt ?? new Date(0)).toISOString(),
    sentences: ((r.summary as { sentences?: string[] } | null)?.sentences ?? []).slice(0, 4),
  };
}
