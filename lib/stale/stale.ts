import { csvCell } from "@/lib/csv";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { INDEX_PER_REQUEST, indexTopCarriers } from "@/lib/stale/index-results";
import type { StaleCarrier, StaleCarriersQuery, StaleCarriersResponse } from "@/lib/stale/schemas";

// Stale data to re-verify: carriers that rank often in the organization's evaluations on a pool
// but whose appetite data (the pool's `last_verified`, current version) is old or missing. The
// counting runs on the result_top_* index (indexed by organization, pool, completion time); the
// pool's dates are read in SQL from the current version's JSON and only joined with the counted
// carriers. One statement, paged; CSV takes every row.

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

interface Row {
  carrier_id: string;
  name: string | null;
  last_verified: string | null;
  appearances: number;
  first_place: number;
  last_seen: Date;
  total: number;
}

export interface StaleOptions {
  /** Today, when the query gives no as_of (the route passes the clock; tests pass as_of). */
  today: Date;
  /** CSV: every matching row, not one page (and every result of the period read first). */
  all?: boolean;
  /** Results to read into the index in this call at most (default INDEX_PER_REQUEST). */
  indexLimit?: number;
}

export async function staleCarriers(
  db: PrismaClient,
  organizationId: string,
  poolKey: string,
  q: StaleCarriersQuery,
  opts: StaleOptions,
): Promise<StaleCarriersResponse> {
  const pool = await db.pool.findFirst({
    where: { key: poolKey, OR: [{ organizationId: null }, { organizationId }] },
    select: { id: true, key: true, currentVersionId: true },
  });
  if (!pool?.currentVersionId) throw notFound("Pool");
  const version = await db.poolVersion.findUniqueOrThrow({ where: { id: pool.currentVersionId }, select: { version: true } });

  const asOf = q.as_of ?? isoDay(opts.today);
  const to = new Date(Date.parse(`${asOf}T00:00:00Z`) + DAY);
  const from = new Date(to.getTime() - q.period_days * DAY);
  const cutoff = isoDay(new Date(Date.parse(`${asOf}T00:00:00Z`) - q.stale_after_days * DAY));
  const { complete } = await indexTopCarriers(
    db,
    organizationId,
    pool.id,
    from,
    to,
    opts.all ? Number.MAX_SAFE_INTEGER : (opts.indexLimit ?? INDEX_PER_REQUEST),
  );

  const [{ n: evaluations }] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM result_top_index
    WHERE organization_id = ${organizationId} AND pool_id = ${pool.id} AND completed_at >= ${from} AND completed_at < ${to}`;
  const limit = opts.all ? 100_000 : q.limit;
  const offset = opts.all ? 0 : q.offset;
  const rows = await db.$queryRaw<Row[]>`
    WITH counts AS (
      SELECT c.carrier_id, count(*)::int AS appearances, (count(*) FILTER (WHERE c.rank = 1))::int AS first_place, max(x.completed_at) AS last_seen
      FROM result_top_index x JOIN result_top_carriers c ON c.job_id = x.job_id
      WHERE x.organization_id = ${organizationId} AND x.pool_id = ${pool.id} AND x.completed_at >= ${from} AND x.completed_at < ${to} AND c.rank <= ${q.top}
      GROUP BY c.carrier_id
      HAVING count(*) >= ${q.min_appearances}
    ), dates AS (
      SELECT e->>'id' AS id, e->>'name' AS name, e->>'last_verified' AS last_verified
      FROM pool_versions pv, jsonb_array_elements(pv.candidates) e
      WHERE pv.id = ${pool.currentVersionId}
    )
    SELECT counts.carrier_id, dates.name, dates.last_verified, counts.appearances, counts.first_place, counts.last_seen, (count(*) OVER ())::int AS total
    FROM counts JOIN dates ON dates.id = counts.carrier_id
    WHERE dates.last_verified IS NULL OR dates.last_verified < ${cutoff}
    ORDER BY counts.appearances DESC, dates.last_verified ASC NULLS FIRST, counts.carrier_id
    LIMIT ${limit} OFFSET ${offset}`;

  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const data: StaleCarrier[] = rows.map((r) => ({
    carrier_id: r.carrier_id,
    name: r.name ?? r.carrier_id,
    last_verified: r.last_verified,
    days_since_verified: r.last_verified ? Math.round((asOfMs - Date.parse(`${r.last_verified}T00:00:00Z`)) / DAY) : null,
    appearances: r.appearances,
    share: evaluations ? Math.round((r.appearances / evaluations) * 1000) / 1000 : 0,
    first_place: r.first_place,
    last_seen: new Date(r.last_seen).toISOString(),
  }));
  const total = rows[0]?.total ?? (offset > 0 ? await countOnly() : 0);
  return {
    pool: pool.key,
    pool_version: version.version,
    as_of: asOf,
    period: { from: from.toISOString(), to: to.toISOString() },
    evaluations,
    complete,
    thresholds: { top: q.top, min_appearances: q.min_appearances, stale_after_days: q.stale_after_days, period_days: q.period_days },
    total,
    has_more: offset + data.length < total,
    data,
  };

  // A page past the end has no row to carry the window count: count without paging.
  async function countOnly() {
    const again = await staleCarriers(db, organizationId, poolKey, { ...q, offset: 0, limit: 1 }, opts);
    return again.total;
  }
}

const CSV_COLUMNS = ["carrier_id", "name", "last_verified", "days_since_verified", "appearances", "share", "first_place", "last_seen"] as const;
export function staleCarriersCsv(r: StaleCarriersResponse): string {
  return [CSV_COLUMNS.join(","), ...r.data.map((c) => CSV_COLUMNS.map((k) => csvCell(c[k])).join(","))].join("\n") + "\n";
}
