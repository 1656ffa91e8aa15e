import { z } from "zod";

// The contracts of the share-link routes, in one place: the handlers parse with the bodies, the
// trace page's share panel checks the same rules, and the tests verify responses against the
// response schemas. The panel imports this file, so it imports nothing but zod
// (tests/architecture.test.ts); lib/share/links.ts takes EXPIRY_DAYS from here.

export const EXPIRY_DAYS = [1, 7, 30, 90] as const;

/** What a link opens: a job's audit trace, or its market plan's marketing summary for the client. */
export const SHARE_KINDS = ["trace", "marketing_summary"] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];
const ShareKindSchema = z.enum(SHARE_KINDS).meta({ description: "trace: /share/{token}; marketing_summary: /share/summary/{token}" });

export const CreateShareLinkBody = z
  .object({
    expires_in_days: z
      .number()
      .int()
      .refine((n) => (EXPIRY_DAYS as readonly number[]).includes(n), `must be one of ${EXPIRY_DAYS.join(", ")}`)
      .default(7),
    kind: ShareKindSchema.default("trace"),
  })
  .strict();
export type CreateShareLinkBody = z.infer<typeof CreateShareLinkBody>;

export const ShareLinkView = z.object({
  id: z.string(),
  kind: ShareKindSchema,
  created_at: z.string(),
  expires_at: z.string(),
  revoked_at: z.string().nullable(),
  active: z.boolean(),
});
export type ShareLinkView = z.infer<typeof ShareLinkView>;

/** The token and full URL appear in this response only: only a hash is stored. */
export const CreatedShareLink = z.object({
  id: z.string(),
  kind: ShareKindSchema,
  token: z.string(),
  url: z.string(),
  created_at: z.string(),
  expires_at: z.string(),
});
export type CreatedShareLink = z.infer<typeof CreatedShareLink>;

export const ShareLinkList = z.object({ data: z.array(ShareLinkView), has_more: z.boolean() });

/** The list's filter by kind (the contract adds it to the page parameters). */
export const ShareLinkKindQuery = { kind: ShareKindSchema.optional().meta({ description: "Only links of this kind (default: every kind)" }) };
