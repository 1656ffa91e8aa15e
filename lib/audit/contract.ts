import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import { AuditEventList, ListAuditEventsQuery } from "@/lib/audit/schemas";

// The contract of the audit-log route (lib/api/contract.ts).

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: the query is invalid; `details` lists every problem with its path",
  403: "forbidden: for signed-in admins and API keys with the audit:read scope",
} as const;

export const listAuditEventsRoute = defineRoute({
  method: "get",
  path: "/api/v1/audit-events",
  operationId: "listAuditEvents",
  summary: "The organization's audit log, newest first (append-only)",
  description:
    "Sign-ins, keys, members, passwords, scoring rules, pool imports, webhook secrets, share links, redeliveries: who (user email or key prefix), when, from which address, what, before and after. For signed-in admins and API keys with `audit:read`. `format=csv` answers every matching event (at most 10,000) as `text/csv` instead.",
  access: "admin",
  scope: "audit:read",
  query: ListAuditEventsQuery,
  responses: { 200: { description: "Events, and whether more follow", schema: AuditEventList } },
  errors: pickErrors(ERRORS, 400, 401, 403, 429, 500),
});
