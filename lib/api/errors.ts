import type { z } from "zod";

// One error type, one shape: {"error":{"code","message","details":[]}} (the seed page's).
// Anything that is not an ApiError becomes a generic 500: no stack, SQL or internal name leaks.

export type ErrorCode =
  | "invalid_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "idempotency_conflict"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "internal_error";

export interface ErrorDetail {
  path: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = "Resource") => new ApiError(404, "not_found", `${what} not found`);
export const invalid = (message: string, details: ErrorDetail[] = []) => new ApiError(400, "invalid_request", message, details);

export function errorBody(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
  return { error: { code, message, details } };
}

export function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) {
    return Response.json(errorBody(err.code, err.message, err.details), {
      status: err.status,
      headers: { "cache-control": "no-store", ...err.headers },
    });
  }
  console.error("nexio: unexpected error", err);
  return Response.json(errorBody("internal_error", "An internal error occurred. Please retry; if it persists, contact support."), {
    status: 500,
    headers: { "cache-control": "no-store" },
  });
}

const dotted = (path: PropertyKey[]) => path.map(String).join(".");

/** zod issues → details with dotted paths, first message in the seed's words. */
export function fromZodIssues(issues: z.core.$ZodIssue[], prefix: string[] = []): ApiError {
  const details = issues.map((issue) => {
    const path = dotted([...prefix, ...issue.path]);
    return { path, code: issue.code, message: describeIssue(issue, path) };
  });
  return invalid(details[0]?.message ?? "Invalid request", details);
}

function describeIssue(issue: z.core.$ZodIssue, path: string): string {
  if (issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined) return `Missing required field: ${path}`;
  if (issue.code === "unrecognized_keys") {
    const keys = (issue as { keys: string[] }).keys.map((k) => (path ? `${path}.${k}` : k));
    return `Unknown field${keys.length > 1 ? "s" : ""}: ${keys.join(", ")}`;
  }
  return `Invalid value for ${path || "body"}: ${issue.message}`;
}
