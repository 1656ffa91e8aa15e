import { z } from "zod";

// The contracts of the audit log: what is recorded (AUDIT_ACTIONS), the list route's query and
// response. The Settings → Audit log page imports this file for its filters and types.

export const AUDIT_ACTIONS = [
  "sign_in.succeeded",
  "sign_in.failed",
  "password.changed",
  "api_key.created",
  "api_key.revoked",
  "api_key.first_used",
  "member.added",
  "member.removed",
  "member.role_changed",
  "member.password_set",
  "scoring_rules.saved",
  "pool.imported",
  "webhook_secret.rotated",
  "share_link.created",
  "share_link.revoked",
  "webhook.redelivered",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTOR_TYPES = ["user", "api_key", "system"] as const;

export const AuditEventView = z.object({
  id: z.string(),
  created_at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actor: z.object({ type: z.enum(AUDIT_ACTOR_TYPES), id: z.string().nullable(), label: z.string() }),
  client_address: z.string().nullable(),
  target: z.object({ type: z.string(), id: z.string() }).nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const ListAuditEventsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    starting_after: z.string().max(64).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    actor: z.string().trim().max(320).optional().meta({ description: "An actor's email, key prefix or id" }),
    created_gte: z.iso.datetime({ offset: true }).optional(),
    created_lte: z.iso.datetime({ offset: true }).optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict();
export type ListAuditEventsQuery = z.infer<typeof ListAuditEventsQuery>;

export const AuditEventList = z.object({ data: z.array(AuditEventView), has_more: z.boolean() });
