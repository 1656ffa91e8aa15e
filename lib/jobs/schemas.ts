import { z } from "zod";
import { DIMENSIONS, TIERS, CONFIDENCES, LEVELS } from "@/lib/engine/types";

// The contracts of /api/v1/jobs and /api/v1/pools, in one place: handlers validate with them,
// tests check responses against them, and lib/api/openapi.ts publishes them.

/** The envelope of POST /api/v1/jobs. `profile` is checked again by the pool's domain schema. */
export const CreateJobBody = z
  .object({
    profile: z.record(z.string(), z.unknown()).meta({
      description: "The entity profile to evaluate; its fields depend on the pool's domain (see the profile schemas).",
    }),
    pool: z
      .string()
      .min(1)
      .max(100)
      .meta({ description: "Candidate pool identifier", examples: ["carriers:all"] }),
    webhook_url: z.string().max(2048).optional().meta({ description: "Public HTTPS URL that receives the result when the evaluation completes or fails" }),
    rerun_of: z.string().max(64).optional().meta({
      description:
        "eval_id of an evaluation of this organization that this one re-runs with edited inputs; the new job links to it (`source`) and GET /api/v1/jobs/{rerun_of}/compare/{eval_id} shows what changed",
    }),
  })
  .strict()
  .meta({ id: "CreateJobBody" });
export type CreateJobBody = z.infer<typeof CreateJobBody>;

export const JobStatus = z.enum(["queued", "running", "completed", "failed"]);

export const CreateJobResponse = z
  .object({ eval_id: z.string().meta({ examples: ["eval_7xKp2mNc"] }), status: z.literal("queued") })
  .meta({ id: "CreateJobResponse" });

export const ScoredCandidate = z
  .object({
    tier: z.enum(TIERS),
    name: z.string(),
    confidence: z.enum(CONFIDENCES),
    scores: z.object(
      Object.fromEntries(DIMENSIONS.map((d) => [d, z.enum(LEVELS)])) as Record<
        (typeof DIMENSIONS)[number],
        z.ZodEnum<{ L1: "L1"; L2: "L2"; L3: "L3"; L4: "L4" }>
      >,
    ),
    reasoning: z.string(),
    id: z.string().meta({ description: "The candidate's id in the pool" }),
    score: z.number().meta({ description: "0–100 weighted composite of the six levels" }),
    market: z
      .enum(["admitted", "surplus_lines"])
      .optional()
      .meta({ description: "Engine 2, carriers: reached as an admitted market in the home state, or as surplus lines (a second path: diligent search first)" }),
    premium_indication: z.number().nullable().optional().meta({
      description:
        "Engine 2, carriers: indicated annual premium in USD (rate × exposure × rate position, plus surplus-lines tax and fee). An indication, not a quote; null when the carrier publishes no rate",
    }),
    surplus_lines: z
      .object({
        declinations_required: z.number().int(),
        tax_rate: z.number(),
        stamping_fee_rate: z.number(),
        source: z.string(),
      })
      .optional()
      .meta({
        description:
          "Engine 2, surplus-lines candidates: what the home state requires first (admitted declinations) and the SL tax and stamping fee included in the indication",
      }),
  })
  .meta({ id: "Candidate" });

export const NearMiss = z
  .object({
    id: z.string(),
    name: z.string(),
    market: z.enum(["admitted", "surplus_lines"]).optional(),
    failed: z.array(z.object({ code: z.string(), margin: z.string(), fix: z.string() })),
  })
  .meta({ id: "NearMiss", description: "An eliminated candidate within the documented margin of every filter it failed, and what would make it eligible" });

/** GET /api/v1/jobs/{eval_id}?include=near_misses */
export const GetJobQuery = z
  .object({
    include: z.enum(["near_misses"]).optional().meta({
      description: "near_misses: add the eliminated candidates that are almost eligible (engine 2). Off by default, so the seed's shape is unchanged",
    }),
  })
  .strict();

export const JobError = z.object({ code: z.string(), message: z.string() }).meta({ id: "JobError" });

export const JobSource = z
  .object({
    eval_id: z.string(),
    kind: z
      .enum(["rerun", "recheck"])
      .meta({ description: "rerun: Edit and re-run (rerun_of); recheck: re-evaluated after a new pool version or new scoring rules" }),
  })
  .meta({ description: "The evaluation this one came from; it never changes" });

export const ChangedSince = z
  .object({
    eval_id: z.string().meta({ description: "The re-check that found the change" }),
    compared_at: z.string(),
    sentences: z.array(z.string()),
  })
  .meta({ description: "The latest re-check of this evaluation that changed materially (eligibility or the top tier)" });

/** The webhook body (jobWebhookBody) and the heart of GET /api/v1/jobs/{eval_id} once completed (the seed's shape, plus livemode). */
export const JobResult = z
  .object({
    eval_id: z.string(),
    status: z.literal("completed"),
    pool_size: z.number().int(),
    filtered: z.number().int(),
    candidates: z.array(ScoredCandidate),
    audit: z.string(),
    livemode: z.boolean().meta({ description: "false for a job submitted with a test key (nx_test_)" }),
  })
  .meta({ id: "JobResult" });

/** The webhook body of a failed evaluation (jobWebhookBody in lib/jobs/webhook-body.ts): its error instead of candidates. */
export const JobFailed = z
  .object({
    eval_id: z.string(),
    status: z.literal("failed"),
    error: JobError,
    audit: z.string().meta({ description: "URL of the audit trace" }),
    livemode: z.boolean().meta({ description: "false for a job submitted with a test key (nx_test_)" }),
  })
  .meta({ id: "JobFailed" });

export const JobResponse = z
  .object({
    eval_id: z.string(),
    status: JobStatus,
    pool_size: z.number().int().optional(),
    filtered: z.number().int().optional(),
    candidates: z.array(ScoredCandidate).optional(),
    audit: z.string().optional(),
    error: JobError.optional(),
    pool: z.string(),
    pool_version: z.number().int(),
    profile: z.record(z.string(), z.unknown()),
    webhook_url: z.string().nullable(),
    source: JobSource.nullable().optional(),
    changed_since: ChangedSince.nullable().optional(),
    livemode: z.boolean().meta({ description: "false for a job submitted with a test key (nx_test_)" }),
    engine_version: z.string().optional(),
    rules_version: z
      .number()
      .int()
      .optional()
      .meta({ description: "The organization's scoring rule-set version the evaluation used (GET /api/v1/scoring-rules/{domain}); 0 = the defaults" }),
    near_misses: z.array(NearMiss).optional().meta({ description: "Only with ?include=near_misses, for completed jobs" }),
    created_at: z.string(),
    started_at: z.string().nullable(),
    completed_at: z.string().nullable(),
  })
  .meta({ id: "Job" });
export type JobResponse = z.infer<typeof JobResponse>;

export const JobSummary = z
  .object({
    eval_id: z.string(),
    status: JobStatus,
    pool: z.string(),
    pool_version: z.number().int(),
    entity: z.string(),
    livemode: z.boolean(),
    pool_size: z.number().int().nullable(),
    filtered: z.number().int().nullable(),
    error: JobError.optional(),
    source: JobSource.nullable().optional(),
    changed_since: ChangedSince.nullable().optional(),
    created_at: z.string(),
    started_at: z.string().nullable(),
    completed_at: z.string().nullable(),
  })
  .meta({ id: "JobSummary" });

// PostgreSQL refuses NUL in text parameters (a 500 if it got that far).
const queryText = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\u0000]*$/, "must not contain NUL characters");

export const ListJobsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(10).meta({ description: "Page size, 1–100" }),
    starting_after: queryText(64).optional().meta({ description: "eval_id of the last job of the previous page" }),
    status: JobStatus.optional().meta({ description: "Only jobs in this status" }),
    pool: queryText(100).optional().meta({ description: "Only jobs on this pool" }),
    q: queryText(200).optional().meta({ description: "Search in the profile's entity" }),
    created_gte: z.iso
      .datetime({ offset: true })
      .or(z.iso.date())
      .optional()
      .meta({ description: "Only jobs created at or after this instant (ISO 8601; a date means its start, UTC)" }),
    created_lte: z.iso
      .datetime({ offset: true })
      .or(z.iso.date())
      .optional()
      .meta({ description: "Only jobs created at or before this instant (ISO 8601; a date means its end, UTC)" }),
    include_rechecks: z
      .enum(["true", "false"])
      .optional()
      .meta({ description: "true also lists the re-check jobs Nexio makes after a pool or rules change (hidden by default)" }),
    mode: z.enum(["live", "test"]).optional().meta({ description: "Live or test jobs (default live; an API key always sees its own mode's)" }),
  })
  .strict();

export const ListJobsResponse = z.object({ data: z.array(JobSummary), has_more: z.boolean() }).meta({ id: "JobList" });

export const PoolResponse = z
  .object({
    id: z.string(),
    domain: z.string(),
    name: z.string(),
    description: z.string(),
    size: z.number().int(),
    version: z.number().int(),
    shared: z.boolean().meta({ description: "true for the demo pools every organization may use; false for the organization's own (imported) pools" }),
  })
  .meta({ id: "Pool" });
export const ListPoolsResponse = z.object({ data: z.array(PoolResponse) }).meta({ id: "PoolList" });

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
    }),
  })
  .meta({ id: "Error" });
