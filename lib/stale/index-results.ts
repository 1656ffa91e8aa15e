import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { EvaluationResult } from "@/lib/engine/types";
import { gunzipJson } from "@/lib/jobs/result-codec";
import { TOP_INDEXED } from "@/lib/stale/schemas";

// The top places of each completed evaluation, read once from its gzipped result into
// result_top_index (a marker per job) and result_top_carriers (job, rank, carrier). Filled lazily
// when the stale list is asked for, for the organization, pool and period asked about: a request
// reads at most `max` results (≈1 ms each on an idle machine) and says whether any are left, so
// no request runs long on a period of thousands of evaluations; later requests read only what
// completed since. Re-check jobs are left out (they repeat an evaluation). Safe to run
// concurrently: both inserts ignore rows another request wrote first.

const BATCH = 200;
/** Results read per request by default: about a second of work. */
export const INDEX_PER_REQUEST = 1000;

export async function indexTopCarriers(
  db: PrismaClient,
  organizationId: string,
  poolId: string,
  from: Date,
  to: Date,
  max = INDEX_PER_REQUEST,
): Promise<{ indexed: number; complete: boolean }> {
  let indexed = 0;
  for (;;) {
    const want = Math.min(BATCH, max - indexed);
    if (want <= 0) return { indexed, complete: false }; // there may be more: the next request reads on
    const rows = await db.$queryRaw<{ id: string; result: Uint8Array }[]>`
      SELECT j.id, r.result
      FROM jobs j JOIN job_results r ON r.job_id = j.id
      WHERE j.organization_id = ${organizationId} AND j.pool_id = ${poolId} AND j.status = 'completed'
        AND j.completed_at >= ${from} AND j.completed_at < ${to}
        AND (j.source_kind IS NULL OR j.source_kind <> 'recheck')
        AND NOT EXISTS (SELECT 1 FROM result_top_index x WHERE x.job_id = j.id)
      ORDER BY j.completed_at, j.id
      LIMIT ${want}`;
    if (rows.length === 0) return { indexed, complete: true };
    const jobIds: string[] = [];
    const ranks: number[] = [];
    const carriers: string[] = [];
    for (const row of rows) {
      const result = gunzipJson<EvaluationResult>(Buffer.from(row.result));
      result.candidates.slice(0, TOP_INDEXED).forEach((c, i) => {
        jobIds.push(row.id);
        ranks.push(i + 1);
        carriers.push(c.id);
      });
    }
    const ids = rows.map((r) => r.id);
    await db.$transaction([
      db.$executeRaw`
        INSERT INTO result_top_index (job_id, organization_id, pool_id, completed_at)
        SELECT id, organization_id, pool_id, completed_at FROM jobs WHERE id = ANY(${ids}::text[])
        ON CONFLICT DO NOTHING`,
      db.$executeRaw`
        INSERT INTO result_top_carriers (job_id, rank, carrier_id)
        SELECT * FROM unnest(${jobIds}::text[], ${ranks}::int[], ${carriers}::text[])
        ON CONFLICT DO NOTHING`,
    ]);
    indexed += rows.length;
    if (rows.length < want) return { indexed, complete: true };
  }
}
