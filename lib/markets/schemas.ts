import { z } from "zod";
import { LINES } from "@/lib/engine/domains/carriers/lines";
import { STATES } from "@/lib/engine/geo";
import { DECLINE_REASONS } from "@/lib/plan/machine";

// GET /api/v1/markets/stats: the organization's own market data, from its market plans. The
// handler parses with these, the OpenAPI document lists them and the Markets page takes its types
// from them. Imports nothing but zod and pure constants.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const day = () =>
  z
    .string()
    .regex(DATE, "must be a date YYYY-MM-DD")
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "must be a real calendar date");

/** Longest period one request may cover (bounded work: the events of at most this many days). */
export const MAX_PERIOD_DAYS = 3 * 366;
/** Period when the request names none: the last 90 days up to and including today (UTC). */
export const DEFAULT_PERIOD_DAYS = 90;

/** Days from submission to the first quote, bucketed: [label, lowest whole day, highest whole day or null]. */
export const DAYS_BUCKETS = [
  ["0-1", 0, 1],
  ["2-3", 2, 3],
  ["4-7", 4, 7],
  ["8-14", 8, 14],
  ["15-30", 15, 30],
  ["31+", 31, null],
] as const satisfies readonly (readonly [string, number, number | null])[];
export type DaysBucket = (typeof DAYS_BUCKETS)[number][0];

export const MarketStatsQuery = z
  .object({
    from: day().optional().meta({ description: "First day of the period (UTC, inclusive); default 89 days before `to` (90 days in all)" }),
    to: day().optional().meta({ description: "Last day of the period (UTC, inclusive); default today" }),
    carrier: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/)
      .optional()
      .meta({ description: "Only this carrier id" }),
    line: z.enum(LINES).optional().meta({ description: "Only evaluations of this line" }),
    state: z.enum(STATES).optional().meta({ description: "Only evaluations with this home state" }),
    limit: z.coerce.number().int().min(1).max(100).default(50).meta({ description: "Rows per page, 1–100" }),
    offset: z.coerce.number().int().min(0).max(10_000).default(0).meta({ description: "Rows to skip (page × limit)" }),
  })
  .strict();
export type MarketStatsQuery = z.infer<typeof MarketStatsQuery>;

const rate = () => z.number().min(0).max(1).nullable();

export const DeclineCounts = z
  .record(z.enum(DECLINE_REASONS), z.number().int())
  .meta({ description: "Declinations per reason code (every code listed, 0 when none)" });
export const DaysDistribution = z
  .record(z.enum(DAYS_BUCKETS.map((b) => b[0]) as [DaysBucket, ...DaysBucket[]]), z.number().int())
  .meta({ description: "Quotes per whole days from submission to quote: 0-1, 2-3, 4-7, 8-14, 15-30, 31+" });

export const MarketFigures = z.object({
  submissions: z.number().int().meta({ description: "Plan entries submitted in the period (they reached `submitted`)" }),
  quotes: z.number().int().meta({ description: "Of those, entries that were quoted (at any time since)" }),
  quote_rate: rate().meta({ description: "quotes ÷ submissions; null with no submission" }),
  declines: z.number().int(),
  decline_reasons: DeclineCounts,
  no_response: z.number().int().meta({ description: "Entries marked no response and never quoted or declined after" }),
  binds: z.number().int(),
  bind_rate: rate().meta({ description: "binds ÷ quotes; null with no quote" }),
  median_days_to_quote: z.number().nullable().meta({ description: "Median days from submission to first quote (one decimal); null with no quote" }),
  days_to_quote: DaysDistribution,
});
export type MarketFigures = z.infer<typeof MarketFigures>;

export const MarketStatsRow = MarketFigures.extend({
  carrier_id: z.string(),
  carrier_name: z.string(),
  line: z.string().nullable().meta({ description: "The evaluation profile's line" }),
  state: z.string().nullable().meta({ description: "The evaluation profile's home state" }),
});
export type MarketStatsRow = z.infer<typeof MarketStatsRow>;

export const MarketStatsResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    total: z.number().int().meta({ description: "Rows (carrier × line × state) matching the filters" }),
    has_more: z.boolean(),
    totals: MarketFigures.meta({ description: "The same figures over every matching row (not only this page)" }),
    data: z.array(MarketStatsRow).meta({ description: "Most submissions first, then carrier name, line, state" }),
  })
  .meta({ id: "MarketStats" });
export type MarketStatsResponse = z.infer<typeof MarketStatsResponse>;
