import { z } from "zod";

// POST /api/v1/pools: the query that names the pool, the limits, and the answer. The file itself
// is the body. Imports nothing but zod: the dashboard's import form uses these too.

export const POOL_IMPORT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: 20_000,
  /** problems listed in one report; the rest are counted */
  maxDetails: 200,
} as const;

/** An organization pool's name; its public id is `<organization slug>:<name>`. */
export const POOL_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const PoolName = z.string().regex(POOL_NAME_PATTERN, "lowercase letters, digits and dashes, 1–40 characters, not starting or ending with a dash");

/** lib/engine's domain ids, spelt out so the dashboard's bundle does not pull in the engine (a test keeps them equal). */
export const POOL_DOMAINS = ["carriers", "providers"] as const;

export const ImportPoolQuery = z
  .object({
    name: PoolName.optional().meta({ description: "Pool name; the pool's id becomes `<organization slug>:<name>`." }),
    pool: z.string().max(100).optional().meta({ description: "Alternatively, the id of one of the organization's own pools (as GET /api/v1/pools lists it)." }),
    domain: z.enum(POOL_DOMAINS).optional().meta({ description: "What the candidates are; required when the pool is new." }),
  })
  .strict()
  .refine((q) => (q.name === undefined) !== (q.pool === undefined), { message: "give either name or pool", path: ["name"] });
export type ImportPoolQuery = z.infer<typeof ImportPoolQuery>;

export const ImportPoolResponse = z
  .object({
    id: z.string().meta({ description: "The pool's id, for `pool` in POST /api/v1/jobs" }),
    domain: z.string(),
    version: z.number().int().meta({ description: "The pool's current version after this import" }),
    size: z.number().int().meta({ description: "Candidates in that version" }),
    created: z.boolean().meta({ description: "true when this import created the pool (status 201)" }),
    new_version: z.boolean().meta({ description: "false when the file holds exactly the current version's data: no version was added" }),
    message: z.string(),
    rows: z.number().int(),
    report: z.object({ valid: z.number().int(), invalid: z.literal(0) }),
  })
  .meta({ id: "PoolImport" });
export type ImportPoolResponse = z.infer<typeof ImportPoolResponse>;

export const POOL_IMPORT_DESCRIPTION = `The body is the file: \`text/csv\` (header row = candidate field names; nested fields as dotted columns such as \`placement.hit_ratio\`; lists as \`;\`-separated cells; objects keyed by line, like \`lines\`, as JSON cells) or \`application/json\` (an array of candidates or \`{"candidates": [...]}\`). At most ${POOL_IMPORT_LIMITS.maxRows.toLocaleString("en-US")} rows and ${POOL_IMPORT_LIMITS.maxBytes / 1024 / 1024} MiB. Every row is validated against the domain's candidate schema and ids must be unique; if any row is invalid nothing is stored and the 400's \`details\` list each problem with a path like \`rows[12].am_best_rating\` (rows counted from 1, header excluded; at most ${POOL_IMPORT_LIMITS.maxDetails}, the last detail says how many more). Each import that changes the data makes a new version; jobs record the version they used. For organization admins signed in and the organization's API keys.`;
