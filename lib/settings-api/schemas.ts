import { z } from "zod";
import type { Role } from "@/lib/orgs/organizations";
import type { SHARE_EXPIRY_DAYS } from "@/lib/share/links";

// The contracts of the settings and share-link routes, in one place: the handlers parse with the
// bodies, the dashboard forms check the same rules, and the tests verify responses against the
// response schemas. The forms import this file, so it imports only types from server modules;
// the `satisfies` lines keep the copied constants in step with them.

export const MEMBER_ROLES = ["underwriter", "admin"] as const satisfies readonly Role[];
export const EXPIRY_DAYS = [1, 7, 30, 90] as const satisfies readonly (typeof SHARE_EXPIRY_DAYS)[number][];
const rolesComplete: Exclude<Role, (typeof MEMBER_ROLES)[number]> extends never ? true : false = true;
void rolesComplete;

// ---- share links -----------------------------------------------------------------------------

export const CreateShareLinkBody = z
  .object({
    expires_in_days: z
      .number()
      .int()
      .refine((n) => (EXPIRY_DAYS as readonly number[]).includes(n), `must be one of ${EXPIRY_DAYS.join(", ")}`)
      .default(7),
  })
  .strict();
export type CreateShareLinkBody = z.infer<typeof CreateShareLinkBody>;

export const ShareLinkView = z.object({
  id: z.string(),
  created_at: z.string(),
  expires_at: z.string(),
  revoked_at: z.string().nullable(),
  active: z.boolean(),
});
export type ShareLinkView = z.infer<typeof ShareLinkView>;

/** The token and full URL appear in this response only: only a hash is stored. */
export const CreatedShareLink = z.object({ id: z.string(), token: z.string(), url: z.string(), created_at: z.string(), expires_at: z.string() });
export type CreatedShareLink = z.infer<typeof CreatedShareLink>;

export const ShareLinkList = z.object({ data: z.array(ShareLinkView) });

// ---- API keys --------------------------------------------------------------------------------

export const CreateApiKeyBody = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    mode: z.enum(["live", "test"]).default("live"),
  })
  .strict();
export type CreateApiKeyBody = z.input<typeof CreateApiKeyBody>;

export const ApiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  mode: z.enum(["live", "test"]),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeyView>;

export const ApiKeyList = z.object({ data: z.array(ApiKeyView) });

/** The key itself appears in this response only. */
export const CreatedApiKey = ApiKeyView.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

// ---- webhook signing secret ------------------------------------------------------------------

export const WebhookSecretView = z.object({
  secret: z.string(),
  rotated_at: z.string().nullable(),
  /** While set and in the future, deliveries are signed with the previous secret too. */
  previous_valid_until: z.string().nullable(),
});
export type WebhookSecretView = z.infer<typeof WebhookSecretView>;

// ---- members ---------------------------------------------------------------------------------

export const AddMemberBody = z
  .object({
    email: z.email("must be an email address").max(254),
    // better-auth's own bounds for email + password sign-in.
    password: z.string().min(8, "must be at least 8 characters").max(128, "must be at most 128 characters"),
    role: z.enum(MEMBER_ROLES),
    name: z.string().trim().min(1, "must not be empty").max(100).optional(),
  })
  .strict();
export type AddMemberBody = z.infer<typeof AddMemberBody>;

export const MemberView = z.object({
  id: z.string(),
  user_id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(MEMBER_ROLES),
  created_at: z.string(),
});
export type MemberView = z.infer<typeof MemberView>;

export const MemberList = z.object({ data: z.array(MemberView) });
