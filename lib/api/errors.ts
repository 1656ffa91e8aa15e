import { DomainError, type DomainErrorCode, type ErrorDetail } from "@/lib/errors";

export { fromZodIssues, invalid, notFound, type ErrorDetail } from "@/lib/errors";

// One shape for every error: {"error":{"code","message","details":[]}} (the seed page's).
// Domain errors (lib/errors.ts) get the status of their code; ApiError is for what only HTTP
// knows (405, 413, 415, 429). Anything else becomes a generic 500: no stack, SQL or internal
// name leaks.

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

const STATUS: Record<DomainErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_conflict: 409,
};

export function errorBody(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
  return { error: { code, message, details } };
}

export function errorResponse(err: unknown): Response {
  if (err instanceof DomainError) err = new ApiError(STATUS[err.code], err.code, err.message, err.details);
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
