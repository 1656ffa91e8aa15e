import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { invalid } from "@/lib/errors";
import { DECLINE_REASONS } from "@/lib/plan/machine";
import {
  DAYS_BUCKETS,
  DEFAULT_PERIOD_DAYS,
  MAX_PERIOD_DAYS,
  type MarketFigures,
  type MarketStatsQuery,
  type MarketStatsResponse,
  type MarketStatsRow,
} from "@/lib/markets/schemas";

// The organization's own market data (issue #12): per carrier × line × state, what happened to
// the plan entries it submitted in a period. Computed in SQL from the append-only plan_events
// (lib/plan), always scoped to the organization: the period's `submitted` events are found through
// the (organization_id, to_status, created_at) index, then only those entries' events are read.
// An entry counts in the period of its submission; its outcome is whatever followed, at any time.
// Line and state are the evaluation profile's.

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const sqlTs = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "");

/** The period asked for, defaulted from `today` (the route's clock), checked: from ≤ to, at most MAX_PERIOD_DAYS. */
export function resolvePeriod(q: Pick<MarketStatsQuery, "from" | "to">, today: Date): { from: string; to: string } {
  const to = q.to ?? isoDay(today.getTime());
  const from = q.from ?? isoDay(dayMs(to) - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS); // inclusive, like the page's "Last 90 days"
  const days = (dayMs(to) - dayMs(from)) / DAY_MS + 1;
  if (days < 1) throw invalid("from must be on or before to", [{ path: "from", code: "period_reversed", message: `from ${from} is after to ${to}` }]);
  if (days > MAX_PERIOD_DAYS)
    throw invalid(`The period may cover at most ${MAX_PERIOD_DAYS} days`, [
      { path: "from", code: "period_too_long", message: `${days} days from ${from} to ${to}` },
    ]);
  return { from, to };
}

interface Filters {
  organizationId: string;
  from: string;
  to: string;
  carrier?: string;
  line?: string;
  state?: string;
}

/** One row per submitted entry of the period, with its outcome and days to quote. */
function outcomes(f: Filters): Prisma.Sql {
  const where = [Prisma.sql`TRUE`];
  if (f.carrier) where.push(Prisma.sql`pe."carrier_id" = ${f.carrier}`);
  if (f.line) where.push(Prisma.sql`j."profile"->>'line' = ${f.line}`);
  if (f.state) where.push(Prisma.sql`j."profile"->>'state' = ${f.state}`);
  // sub and s are MATERIALIZED so the planner cannot nest the events' aggregation under the jobs
  // filter (a JSON predicate it underestimates: with a line and a state it re-aggregated the
  // period's events once per job, 59 s instead of 0.1 s in bench/markets.ts). Each entry's outcome
  // is then one lookup through plan_events (entry_id, created_at).
  return Prisma.sql`
    WITH sub AS MATERIALIZED (
      SELECT e."entry_id", MIN(e."created_at") AS submitted_at
      FROM "plan_events" e
      WHERE e."organization_id" = ${f.organizationId} AND e."to_status" = 'submitted' AND e."kind" = 'status'
        AND e."created_at" >= ${sqlTs(dayMs(f.from))}::timestamp AND e."created_at" < ${sqlTs(dayMs(f.to) + DAY_MS)}::timestamp
      GROUP BY e."entry_id"
    ), s AS MATERIALIZED (
      SELECT sub."entry_id", sub.submitted_at, pe."carrier_id", pe."carrier_name", j."profile"->>'line' AS line, j."profile"->>'state' AS state
      FROM sub
      JOIN "plan_entries" pe ON pe."id" = sub."entry_id" AND pe."organization_id" = ${f.organizationId}
      JOIN "jobs" j ON j."id" = pe."job_id" AND j."organization_id" = ${f.organizationId}
      WHERE ${Prisma.join(where, " AND ")}
    ), r AS (
      SELECT s."carrier_id", s."carrier_name", s.line, s.state, x.quoted_at, x.bound, x.declined, x.decline_reason, x.no_resp,
        CASE WHEN x.quoted_at IS NULL THEN NULL ELSE (EXTRACT(EPOCH FROM (x.quoted_at - s.submitted_at)) / 86400.0)::float8 END AS days
      FROM s
      CROSS JOIN LATERAL (
        SELECT
          MIN(e."created_at") FILTER (WHERE e."to_status" = 'quoted') AS quoted_at,
          COALESCE(BOOL_OR(e."to_status" = 'bound'), FALSE) AS bound,
          COALESCE(BOOL_OR(e."to_status" = 'declined'), FALSE) AS declined,
          MAX(e."decline_reason") AS decline_reason,
          COALESCE(BOOL_OR(e."to_status" = 'no_response'), FALSE) AS no_resp
        FROM "plan_events" e
        WHERE e."entry_id" = s."entry_id" AND e."organization_id" = ${f.organizationId} AND e."kind" = 'status'
      ) x
    )`;
}

/** The aggregate columns, the same for a row and for the totals. Reason codes and buckets are constants. */
const FIGURES = Prisma.sql`
  COUNT(*)::int AS submissions,
  COUNT(quoted_at)::int AS quotes,
  COUNT(*) FILTER (WHERE declined)::int AS declines,
  COUNT(*) FILTER (WHERE no_resp AND quoted_at IS NULL AND NOT declined)::int AS no_response,
  COUNT(*) FILTER (WHERE bound)::int AS binds,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days,
  ${Prisma.join(
    DECLINE_REASONS.map((r) => Prisma.sql`COUNT(*) FILTER (WHERE declined AND decline_reason = ${r})::int AS ${Prisma.raw(`"r_${r}"`)}`),
    ", ",
  )},
  ${Prisma.join(
    DAYS_BUCKETS.map(([, lo, hi], i) =>
      hi === null
        ? Prisma.sql`COUNT(*) FILTER (WHERE FLOOR(days) >= ${lo})::int AS ${Prisma.raw(`"b_${i}"`)}`
        : Prisma.sql`COUNT(*) FILTER (WHERE FLOOR(days) >= ${lo} AND FLOOR(days) <= ${hi})::int AS ${Prisma.raw(`"b_${i}"`)}`,
    ),
    ", ",
  )}`;

type FigureRow = Record<string, unknown> & {
  submissions: number;
  quotes: number;
  declines: number;
  no_response: number;
  binds: number;
  median_days: number | null;
};

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

function figures(r: FigureRow): MarketFigures {
  return {
    submissions: r.submissions,
    quotes: r.quotes,
    quote_rate: ratio(r.quotes, r.submissions),
    declines: r.declines,
    decline_reasons: Object.fromEntries(DECLINE_REASONS.map((c) => [c, Number(r[`r_${c}`])])) as MarketFigures["decline_reasons"],
    no_response: r.no_response,
    binds: r.binds,
    bind_rate: ratio(r.binds, r.quotes),
    median_days_to_quote: r.median_days === null ? null : Math.round(Number(r.median_days) * 10) / 10,
    days_to_quote: Object.fromEntries(DAYS_BUCKETS.map(([label], i) => [label, Number(r[`b_${i}`])])) as MarketFigures["days_to_quote"],
  };
}

/** GET /api/v1/markets/stats: a page of carrier × line × state rows and the totals over all of them. */
export async function marketStats(db: PrismaClient, organizationId: string, q: MarketStatsQuery, today: Date): Promise<MarketStatsResponse> {
  const { from, to } = resolvePeriod(q, today);
  const base = outcomes({ organizationId, from, to, carrier: q.carrier, line: q.line, state: q.state });
  // One pass for the page and the totals (GROUPING SETS): the total row, carrying the row count,
  // then the page.
  const rows = await db.$queryRaw<
    (FigureRow & { is_total: number; carrier_id: string; carrier_name: string; line: string | null; state: string | null; total_rows: number })[]
  >`
    ${base}, g AS MATERIALIZED (
      SELECT GROUPING("carrier_id", line, state) AS is_total, "carrier_id", MIN("carrier_name") AS carrier_name, line, state, ${FIGURES}
      FROM r
      GROUP BY GROUPING SETS (("carrier_id", line, state), ())
    )
    (SELECT g.*, (SELECT COUNT(*) FROM g WHERE is_total = 0)::int AS total_rows FROM g WHERE is_total <> 0)
    UNION ALL
    (SELECT g.*, 0 FROM g WHERE is_total = 0
     ORDER BY submissions DESC, carrier_name, "carrier_id", line NULLS LAST, state NULLS LAST
     LIMIT ${q.limit} OFFSET ${q.offset})`;
  const [totalsRow, ...page] = rows;
  const total = totalsRow.total_rows;
  const data: MarketStatsRow[] = page.map((r) => ({ carrier_id: r.carrier_id, carrier_name: r.carrier_name, line: r.line, state: r.state, ...figures(r) }));
  return { from, to, total, has_more: q.offset + page.length < total, totals: figures(totalsRow), data };
}
