import { z } from "zod";

// GET/PUT /api/v1/recheck-settings: how far back a re-check reaches. Imports nothing but zod.

export const RecheckSettings = z
  .object({
    days: z
      .number()
      .int()
      .min(0)
      .max(365)
      .meta({ description: "Evaluations of the last this many days are re-checked when a pool gets a new version or new scoring rules are saved; 0 turns re-checks off for the organization" }),
  })
  .strict()
  .meta({ id: "RecheckSettings" });
export type RecheckSettings = z.infer<typeof RecheckSettings>;
