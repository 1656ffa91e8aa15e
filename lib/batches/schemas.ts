import { z } from "zod";
import { CONFIDENCES, DIMENSIONS, LEVELS, TIERS } from "@/lib/engine/types";

// The contracts of /api/v1/batches: the route parses with them, tests check responses against
// them, lib/batches/openapi.ts publishes them and the dashboard's Batches page takes its types here.

export const BATCH_LIMITS = {
  maxRows: 10_000,
  maxBytes: 16 * 1024 * 1024,
  /** one JSON element or NDJSON line */
  maxRowBytes: 64 * 1024,
  /** problems listed in a report; the rest are counted */
  maxDetails: 100,
} as const;

export const BATCH_FILE_FORMATS = ["csv", "json", "ndjson"] as const;
export type BatchFileFormat = (typeof BATCH_FILE_FORMATS)[number];

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

export const CreateBatchQuery = z
  .object({
    pool: z
      .string()
      .min(1)
      .max(100)
      .meta({ description: "Candidate pool identifier (GET /api/v1/pools); every row is evaluated against its current version", examples: ["carriers:all"] }),
    webhook_url: z
      .string()
      .max(2048)
      .optional()
      .meta({ description: "Public HTTPS URL that receives one signed `batch.completed` event when every row has finished" }),
    job_webhooks: flag.meta({ description: "true: each row's job also sends its own webhook to webhook_url, as a single job would (default false)" }),
    skip_invalid: flag.meta({
      description: "true: invalid rows are reported and left out, the rest accepted (default false: one invalid row and nothing is stored)",
    }),
  })
  .strict();
export type CreateBatchQuery = z.infer<typeof CreateBatchQuery>;

export const BatchReportDetail = z.object({ path: z.string(), code: z.string(), message: z.string() });
export const BatchReport = z
  .object({
    rows: z.number().int().meta({ description: "Data rows read (a CSV header is not a row; blank lines are skipped)" }),
    valid: z.number().int(),
    invalid: z.number().int(),
    details: z.array(BatchReportDetail).meta({ description: 'At most 100 problems, in row order: `rows[12].state`, "Row 12, state: …"' }),
    omitted: z.number().int().meta({ description: "Problems found but not listed" }),
  })
  .meta({ id: "BatchReport" });
export type BatchReport = z.infer<typeof BatchReport>;

export const BatchStatus = z.enum(["running", "completed"]);

export const BatchCounts = z
  .object({
    queued: z.number().int(),
    running: z.number().int(),
    completed: z.number().int(),
    failed: z.number().int(),
  })
  .meta({ id: "BatchCounts" });

export const BatchResponse = z
  .object({
    batch_id: z.string().meta({ examples: ["batch_7xKp2mNc"] }),
    status: BatchStatus.meta({ description: "completed once every row's job has completed or failed" }),
    pool: z.string(),
    pool_version: z.number().int(),
    total: z.number().int().meta({ description: "Rows accepted: one job each" }),
    skipped: z.number().int().meta({ description: "Invalid rows left out (skip_invalid=true)" }),
    counts: BatchCounts,
    progress: z.number().min(0).max(1).meta({ description: "(completed + failed) / total" }),
    webhook_url: z.string().nullable(),
    job_webhooks: z.boolean(),
    report: BatchReport,
    created_at: z.string(),
    completed_at: z.string().nullable(),
    results_url: z.string(),
    livemode: z.boolean().meta({ description: "false for a batch submitted with a test key (nx_test_); its rows' jobs are test jobs too" }),
  })
  .meta({ id: "Batch" });
export type BatchResponse = z.infer<typeof BatchResponse>;

export const BatchSummary = BatchResponse.omit({ report: true }).meta({ id: "BatchSummary" });
export const ListBatchesQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    starting_after: z
      .string()
      .max(64)
      .regex(/^[^\u0000]*$/)
      .optional(),
    mode: z.enum(["live", "test"]).optional().meta({ description: "Live or test batches (default live; an API key always sees its own mode's)" }),
  })
  .strict();
export const ListBatchesResponse = z.object({ data: z.array(BatchSummary), has_more: z.boolean() }).meta({ id: "BatchList" });

export const BatchResultsQuery = z
  .object({
    format: z
      .enum(["csv", "ndjson"])
      .default("ndjson")
      .meta({ description: "ndjson (default): one JSON object per row; csv: one line per row with the top carriers flattened" }),
    top: z.coerce.number().int().min(1).max(50).default(3).meta({ description: "How many carriers per row (the best first)" }),
  })
  .strict();
export type BatchResultsQuery = z.infer<typeof BatchResultsQuery>;

const Levels = z.object(
  Object.fromEntries(DIMENSIONS.map((d) => [d, z.enum(LEVELS)])) as Record<(typeof DIMENSIONS)[number], z.ZodEnum<{ L1: "L1"; L2: "L2"; L3: "L3"; L4: "L4" }>>,
);

export const BatchResultCarrier = z.object({
  id: z.string(),
  name: z.string(),
  tier: z.enum(TIERS),
  confidence: z.enum(CONFIDENCES),
  score: z.number(),
  scores: Levels,
  reasoning: z.string(),
});

/** One line of GET /api/v1/batches/{id}/results?format=ndjson. */
export const BatchResultRow = z
  .object({
    row: z.number().int().meta({ description: "The row's number in the upload" }),
    eval_id: z.string(),
    status: z.enum(["queued", "running", "completed", "failed"]),
    entity: z.string(),
    profile: z.record(z.string(), z.unknown()),
    filtered: z.number().int().nullable().meta({ description: "Eligible carriers (null until completed)" }),
    tiers: z
      .object({ STRONG_FIT: z.number().int(), MODERATE_FIT: z.number().int(), WEAK_FIT: z.number().int() })
      .nullable()
      .meta({ description: "How many eligible carriers fell in each tier" }),
    top: z.array(BatchResultCarrier),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    audit: z.string().meta({ description: "The row's trace page" }),
  })
  .meta({ id: "BatchResultRow" });
export type BatchResultRow = z.infer<typeof BatchResultRow>;

/** The body of the batch.completed webhook. */
export const BatchCompletedEvent = z
  .object({
    type: z.literal("batch.completed"),
    batch_id: z.string(),
    status: z.literal("completed"),
    pool: z.string(),
    total: z.number().int(),
    completed: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    created_at: z.string(),
    completed_at: z.string(),
    results_url: z.string(),
    livemode: z.boolean().meta({ description: "false for a batch submitted with a test key (nx_test_)" }),
  })
  .meta({ id: "BatchCompletedEvent" });
export type BatchCompletedEvent = z.infer<typeof BatchCompletedEvent>;

export const BATCH_ID_PATTERN = /^batch_[0-9A-Za-z]{8,32}$/;
