import { z } from "zod";

// Stale data to re-verify (issue #12 item 5): the query the route parses with, and what it answers.
// Imports nothing but zod (the Settings → Pools section takes its types from here).

/** How many places of each result are indexed: `top` may not ask for more. */
export const TOP_INDEXED = 25;

export const StaleCarriersQuery = z
  .object({
    as_of: z.iso.date().optional().meta({ description: "The day ages and the period are counted back from (YYYY-MM-DD, UTC); default today" }),
    period_days: z.coerce.number().int().min(1).max(730).default(90).meta({ description: "Evaluations completed in the last N days up to as_of (1–730)" }),
    top: z.coerce
      .number()
      .int()
      .min(1)
      .max(TOP_INDEXED)
      .default(10)
      .meta({ description: `A carrier appears in an evaluation when it ranks in its top N (1–${TOP_INDEXED})` }),
    min_appearances: z.coerce.number().int().min(1).max(1_000_000).default(3).meta({ description: "Only carriers in at least this many evaluations" }),
    stale_after_days: z.coerce
      .number()
      .int()
      .min(0)
      .max(3650)
      .default(365)
      .meta({ description: "Appetite data verified more than N days before as_of (or never) is stale; a year by default" }),
    limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: "Page size, 1–200 (JSON only; CSV has every row)" }),
    offset: z.coerce.number().int().min(0).max(100_000).default(0).meta({ description: "Rows to skip (JSON only)" }),
    format: z.enum(["json", "csv"]).default("json").meta({ description: "csv: every matching carrier as a download" }),
  })
  .strict();
export type StaleCarriersQuery = z.infer<typeof StaleCarriersQuery>;

export const StaleCarrier = z.object({
  carrier_id: z.string(),
  name: z.string(),
  last_verified: z.string().nullable().meta({ description: "The pool's last_verified for the carrier (current version); null: never verified" }),
  days_since_verified: z.number().int().nullable(),
  appearances: z.number().int().meta({ description: "Evaluations in the period that ranked the carrier in their top N" }),
  share: z.number().meta({ description: "appearances / evaluations in the period, 0–1" }),
  first_place: z.number().int().meta({ description: "Evaluations that ranked it first" }),
  last_seen: z.string().meta({ description: "When the latest such evaluation completed" }),
});
export type StaleCarrier = z.infer<typeof StaleCarrier>;

export const StaleCarriersResponse = z
  .object({
    pool: z.string(),
    pool_version: z.number().int().meta({ description: "The current version, whose last_verified dates are compared" }),
    as_of: z.string(),
    period: z.object({ from: z.string(), to: z.string() }).meta({ description: "Completed at from (inclusive) to (exclusive)" }),
    evaluations: z.number().int().meta({ description: "Completed evaluations of the organization on this pool in the period (re-checks not counted)" }),
    complete: z.boolean().meta({
      description: "false while older results of the period are still being read (a request reads about a thousand): the counts so far; ask again for the rest",
    }),
    thresholds: z.object({ top: z.number().int(), min_appearances: z.number().int(), stale_after_days: z.number().int(), period_days: z.number().int() }),
    total: z.number().int().meta({ description: "Carriers matching, over every page" }),
    has_more: z.boolean(),
    data: z.array(StaleCarrier).meta({ description: "Most appearances first, then the oldest data" }),
  })
  .meta({ id: "StaleCarriers" });
export type StaleCarriersResponse = z.infer<typeof StaleCarriersResponse>;
