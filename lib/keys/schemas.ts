import { z } from "zod";
import { ScopeList, SCOPES } from "@/lib/keys/scopes";

// The contracts of the API-key routes, in one place: the handlers parse with the body, the
// settings form checks the same rules, and the tests verify responses against the response schemas.

export const CreateApiKeyBody = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    mode: z.enum(["live", "test"]).default("live"),
    scopes: ScopeList.optional().meta({ description: `What the key may do: ${SCOPES.join(", ")}; "*" or none given = every scope` }),
    expires_in_days: z.number().int().min(1).max(3650).optional().meta({ description: "The key stops working this many days from now; none = never" }),
  })
  .strict();
export type CreateApiKeyBody = z.input<typeof CreateApiKeyBody>;

export const ApiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  mode: z.enum(["live", "test"]),
  scopes: z.array(z.enum(SCOPES)),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeyView>;

export const ApiKeyList = z.object({ data: z.array(ApiKeyView), has_more: z.boolean() });

/** The key itself appears in this response only. */
export const CreatedApiKey = ApiKeyView.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;
