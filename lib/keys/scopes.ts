import { z } from "zod";

// What an API key may do. A key holds a list of these; "*" (every scope) is what keys made before
// scopes existed hold, and what a key gets when none are chosen (the CLI's default), so existing
// integrations keep working. Signed-in people are governed by their role instead.

export const SCOPES = [
  "jobs:write",
  "jobs:read",
  "plans:write",
  "shares:manage",
  "pools:read",
  "pools:import",
  "rules:read",
  "rules:write",
  "webhooks:manage",
  "audit:read",
] as const;
export type Scope = (typeof SCOPES)[number];
export const ALL_SCOPES = "*";

export const SCOPE_LABELS: Record<Scope, string> = {
  "jobs:write": "Submit jobs",
  "jobs:read": "Read jobs, traces, batches and market plans",
  "plans:write": "Record market plan changes (carriers, submissions, quotes, declinations)",
  "shares:manage": "Create and revoke public share links (audit traces, marketing summaries)",
  "pools:read": "List pools",
  "pools:import": "Import pools",
  "rules:read": "Read scoring rules",
  "rules:write": "Save scoring rules",
  "webhooks:manage": "Webhook deliveries, redelivery, test events",
  "audit:read": "Read the audit log",
};

export const ScopeList = z
  .array(z.enum([...SCOPES, ALL_SCOPES]))
  .min(1, "choose at least one scope")
  .max(SCOPES.length + 1);

export function hasScope(scopes: readonly string[], scope: Scope): boolean {
  return scopes.includes(ALL_SCOPES) || scopes.includes(scope);
}

/** A key's scopes as people read them: "*" spelled out. */
export function effectiveScopes(scopes: readonly string[]): Scope[] {
  return scopes.includes(ALL_SCOPES) ? [...SCOPES] : SCOPES.filter((s) => scopes.includes(s));
}
