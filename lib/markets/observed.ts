import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ObservedMarket } from "@/lib/engine";

// The organization's own figures per carrier for one line, as the observed-quote-rate scoring rule
// uses them (docs/scoring.md): plan entries submitted in the `lookbackDays` before the job's as-of
// time (its creation), and how many of them were quoted by then. Reading up to as-of, not "now",
// means the same job loads the same figures however late it runs; the evaluation still stores what
// it was given (trace.observed_market), which is what a recomputation uses. Scoped to the
// organization; the submitted events come through plan_events' (organization_id, to_status,
// created_at) index.

const sqlTs = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

export async function loadObservedMarket(db: PrismaClient, organizationId: string, line: string, asOf: Date, lookbackDays: number): Promise<ObservedMarket> {
  const since = new Date(asOf.getTime() - lookbackDays * 86_400_000);
  const rows = await db.$queryRaw<{ carrier_id: string; submissions: number; quotes: number }[]>`
    WITH sub AS (
      SELECT DISTINCT e."entry_id"
      FROM "plan_events" e
      WHERE e."organization_id" = ${organizationId} AND e."to_status" = 'submitted' AND e."kind" = 'status'
        AND e."created_at" >= ${sqlTs(since)}::timestamp AND e."created_at" < ${sqlTs(asOf)}::timestamp
    )
    SELECT pe."carrier_id",
      COUNT(*)::int AS submissions,
      COUNT(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM "plan_events" q
        WHERE q."entry_id" = pe."id" AND q."organization_id" = ${organizationId} AND q."to_status" = 'quoted' AND q."created_at" < ${sqlTs(asOf)}::timestamp
      ))::int AS quotes
    FROM sub
    JOIN "plan_entries" pe ON pe."id" = sub."entry_id" AND pe."organization_id" = ${organizationId}
    JOIN "jobs" j ON j."id" = pe."job_id" AND j."organization_id" = ${organizationId}
    WHERE j."profile"->>'line' = ${line}
    GROUP BY pe."carrier_id"
    ORDER BY pe."carrier_id"`;
  const figures: ObservedMarket["figures"] = {};
  for (const r of rows) figures[r.carrier_id] = { submissions: r.submissions, quotes: r.quotes };
  return { line, since: since.toISOString(), until: asOf.toISOString(), figures };
}
