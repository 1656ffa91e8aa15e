import type { Prisma } from "@/lib/generated/prisma/client";
import { newEvalId } from "@/lib/ids";
import { gzipJson } from "@/lib/jobs/result-codec";
import { testDb } from "@/tests/setup/db";

/**
 * A job on carriers:all stored as finished with the given candidates as its result, without running
 * the engine: for tests of what reads results (market plans, market stats). `status: "queued"`
 * stores the job alone.
 */
export async function storedJob(
  organizationId: string,
  opts: {
    profile: Record<string, unknown> & { entity: string };
    candidates: unknown[];
    poolSize?: number;
    filtered?: number;
    webhookUrl?: string | null;
    status?: "completed" | "queued";
  },
): Promise<string> {
  const db = testDb();
  const pool = await db.pool.findUniqueOrThrow({ where: { key: "carriers:all" } });
  const status = opts.status ?? "completed";
  const job = await db.job.create({
    data: {
      id: newEvalId(),
      organizationId,
      poolId: pool.id,
      poolVersionId: pool.currentVersionId!,
      poolKey: pool.key,
      profile: opts.profile as Prisma.InputJsonObject,
      entity: opts.profile.entity,
      webhookUrl: opts.webhookUrl ?? null,
      status,
      completedAt: status === "completed" ? new Date() : null,
    },
  });
  if (status === "completed") {
    const poolSize = opts.poolSize ?? 10;
    const filtered = opts.filtered ?? 4;
    await db.jobResult.create({
      data: {
        jobId: job.id,
        engineVersion: "test",
        poolSize,
        filtered,
        result: gzipJson({ pool_size: poolSize, filtered, candidates: opts.candidates }),
        trace: gzipJson({}),
        timings: {},
      },
    });
  }
  return job.id;
}

/**
 * A market plan's candidates as a result lists them: three admitted carriers and a surplus-lines
 * one whose home state requires `slRequired` admitted declinations (the plan and bind tests).
 */
export const planCandidates = (slRequired = 2) =>
  [
    { id: "adm-1", name: "Admitted One", market: "admitted" },
    { id: "adm-2", name: "Admitted Two", market: "admitted" },
    { id: "adm-3", name: "Admitted Three", market: "admitted" },
    {
      id: "sl-1",
      name: "Surplus Specialty",
      market: "surplus_lines",
      surplus_lines: { declinations_required: slRequired, tax_rate: 0.03, stamping_fee_rate: 0.0018, source: "test" },
    },
  ].map((c, i) => ({ ...c, tier: "STRONG_FIT", confidence: "HIGH", scores: {}, reasoning: "fits", score: 90 - i }));
