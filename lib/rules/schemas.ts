import { z } from "zod";
import { POOL_DOMAINS } from "@/lib/pools/schemas";

// GET/PUT /api/v1/scoring-rules/{domain}. Imports nothing but zod (and the domain ids), so the
// dashboard's Settings → Scoring form uses the very same schemas.

export const SCORING_DOMAINS = POOL_DOMAINS;
export type ScoringDomain = (typeof SCORING_DOMAINS)[number];

export const PutScoringRulesBody = z
  .object({
    overrides: z.record(z.string(), z.unknown()).meta({
      description:
        "A partial copy of the domain's rules (see `defaults`), merged onto the defaults; lists replace the default list. `{}` resets to the defaults.",
    }),
  })
  .strict()
  .meta({ id: "PutScoringRulesBody" });
export type PutScoringRulesBody = z.infer<typeof PutScoringRulesBody>;

export const ScoringRulesResponse = z
  .object({
    domain: z.enum(SCORING_DOMAINS),
    version: z.number().int().meta({ description: "The organization's current rule-set version for this domain; 0 = the defaults (never changed)" }),
    overrides: z.record(z.string(), z.unknown()).meta({ description: "What this version changes: only the values that differ from the defaults" }),
    effective: z.record(z.string(), z.unknown()).meta({ description: "The rules evaluations use now: the defaults with the overrides merged in" }),
    defaults: z.record(z.string(), z.unknown()).meta({ description: "The domain's default rules (docs/scoring.md)" }),
    updated_at: z.string().nullable().meta({ description: "When the current version was saved; null for the defaults" }),
    new_version: z.boolean().optional().meta({ description: "PUT only: false when the overrides equal the current version's, so no version was added" }),
    legacy_notes: z.array(z.string()).optional().meta({
      description:
        "Rules of this version saved for an earlier engine that no longer apply (left out of `overrides` and `effective`; evaluations note them in the trace). Saving the shown overrides removes them.",
    }),
  })
  .meta({ id: "ScoringRules" });
export type ScoringRulesResponse = z.infer<typeof ScoringRulesResponse>;
