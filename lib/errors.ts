import type { z } from "zod";

// What domain code throws when a request cannot be done. These errors know nothing of HTTP:
// lib/api/errors.ts maps each `code` to a status and the seed's {"error":{"code","message","details"}}
// shape. The codes are the public API's error vocabulary (docs/architecture.md).

export interface ErrorDetail {
  path: string;
  code: string;
  message: string;
}

export type DomainErrorCode = "invalid_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "idempotency_conflict";

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  constructor(
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** Input that can never succeed as sent; `details` lists every problem with its path. */
export class ValidationError extends DomainError {
  readonly code = "invalid_request";
}
/** No usable credentials. */
export class UnauthorizedError extends DomainError {
  readonly code = "unauthorized";
}
/** Known caller, not allowed to do this. */
export class ForbiddenError extends DomainError {
  readonly code = "forbidden";
}
/** Nothing with this id in the caller's organization (another organization's row is "not found" too). */
export class NotFoundError extends DomainError {
  readonly code = "not_found";
}
/** The state changed under the caller (a concurrent write, a name already taken); retrying may succeed. */
export class ConflictError extends DomainError {
  readonly code = "conflict";
}
/**
 * A status change the status machine does not allow from the current status (a market-plan entry):
 * 409, `details` lists each allowed next status (none when the status is final).
 */
export class InvalidTransitionError extends ConflictError {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly allowed: readonly string[],
  ) {
    super(
      allowed.length ? `Cannot go from ${from} to ${to}; allowed next: ${allowed.join(", ")}` : `Cannot go from ${from} to ${to}: ${from} is final`,
      allowed.length
        ? allowed.map((s) => ({ path: "status", code: "allowed_next", message: s }))
        : [{ path: "status", code: "final_status", message: `${from} is final; no further status` }],
    );
  }
}
/**
 * A surplus-lines carrier bound before the home state's diligent search is met (admitted
 * declinations recorded in the plan) and without an exemption: 409, nothing recorded.
 */
export class DiligentSearchNotMetError extends ConflictError {
  constructor(
    readonly state: string,
    readonly required: number,
    readonly recorded: number,
  ) {
    const message = `Diligent search not met: ${state} requires ${required} admitted declination${required === 1 ? "" : "s"} before binding a surplus-lines carrier; ${recorded} recorded.`;
    super(message, [
      { path: "status", code: "diligent_search_not_met", message },
      { path: "sl_exemption", code: "exemption_available", message: "Bind with sl_exemption exempt_commercial_purchaser or export_list if one applies" },
    ]);
  }
}
/** An Idempotency-Key reused with a different request. */
export class IdempotencyConflictError extends DomainError {
  readonly code = "idempotency_conflict";
}

export const notFound = (what = "Resource") => new NotFoundError(`${what} not found`);
export const invalid = (message: string, details: ErrorDetail[] = []) => new ValidationError(message, details);

const dotted = (path: PropertyKey[]) => path.map(String).join(".");

/** zod issues → details with dotted paths, first message in the seed's words. */
export function fromZodIssues(issues: z.core.$ZodIssue[], prefix: string[] = []): ValidationError {
  const details = issues.map((issue) => {
    const path = dotted([...prefix, ...issue.path]);
    return { path, code: issue.code, message: describeIssue(issue, path) };
  });
  return invalid(details[0]?.message ?? "Invalid request", details);
}

// A field that must be absent (z.never(), e.g. a field another variant of a union allows) fails
// only when present: its issue is never "missing", and its schema's message says why.
const isMissing = (issue: z.core.$ZodIssue) =>
  issue.code === "invalid_type" && issue.expected !== "never" && (issue as { input?: unknown }).input === undefined;

function describeIssue(issue: z.core.$ZodIssue, path: string): string {
  if (isMissing(issue)) return `Missing required field: ${path}`;
  if (issue.code === "unrecognized_keys") {
    const keys = (issue as { keys: string[] }).keys.map((k) => (path ? `${path}.${k}` : k));
    return `Unknown field${keys.length > 1 ? "s" : ""}: ${keys.join(", ")}`;
  }
  return `Invalid value for ${path || "body"}: ${issue.message}`;
}
