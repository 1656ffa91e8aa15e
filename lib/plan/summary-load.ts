import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { EvaluationResult } from "@/lib/engine/types";
import { notFound } from "@/lib/errors";
import { gunzipJson } from "@/lib/jobs/result-codec";
import { getPlan } from "@/lib/plan/plan";
import { marketingSummary, type RankedFacts, type Strength } from "@/lib/plan/summary";
import type { MarketingSummaryView } from "@/lib/plan/summary-schemas";

// Gathers the marketing summary's inputs for one job of the organization: the plan, the ranked
// candidates of the stored result (tier, confidence, reasoning, rank) and, for the quoted
// carriers only, their financial-strength fields from the pool version the job ran on (read in
// SQL from the version's JSON, so a 1,850-carrier pool is not loaded for three quotes).

const str = (v: unknown) => (typeof v === "string" ? v : null);

async function strengthOf(db: PrismaClient, poolVersionId: string, ids: string[]): Promise<Map<string, Strength>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; rating: unknown; outlook: unknown; size: unknown }[]>`
    SELECT e->>'id' AS id, e->>'am_best_rating' AS rating, e->>'am_best_outlook' AS outlook, e->>'financial_size' AS size
    FROM pool_versions pv, jsonb_array_elements(pv.candidates) e
    WHERE pv.id = ${poolVersionId} AND e->>'id' = ANY(${ids}::text[])`;
  return new Map(rows.map((r) => [r.id, { am_best_rating: str(r.rating), am_best_outlook: str(r.outlook), financial_size: str(r.size) }]));
}

export async function getMarketingSummary(db: PrismaClient, organizationId: string, evalId: string): Promise<MarketingSummaryView> {
  const job = await db.job.findFirst({ where: { id: evalId, organizationId }, select: { id: true, profile: true, poolVersionId: true, completedAt: true } });
  if (!job) throw notFound("Job");
  const [plan, res] = await Promise.all([getPlan(db, organizationId, job.id), db.jobResult.findUnique({ where: { jobId: job.id }, select: { result: true } })]);
  const result = res ? gunzipJson<EvaluationResult>(res.result) : { candidates: [] };
  const ranked = new Map<string, RankedFacts>(
    result.candidates.map((c, i) => [c.id, { tier: c.tier, confidence: c.confidence, reasoning: c.reasoning ?? null, rank: i + 1 }]),
  );
  const quoted = plan.entries.filter((e) => e.status === "quoted" || e.status === "bound").map((e) => e.carrier_id);
  const strength = await strengthOf(db, job.poolVersionId, quoted);
  const profile = job.profile && typeof job.profile === "object" && !Array.isArray(job.profile) ? (job.profile as Record<string, unknown>) : {};
  return marketingSummary({ plan, profile, evaluatedAt: job.completedAt?.toISOString() ?? null, ranked, strength });
}
