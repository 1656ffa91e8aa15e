import type { z } from "zod";
import type { Scope } from "@/lib/keys/scopes";

// One contract per route: what a route takes (path params, query, JSON body, headers) and what it
// answers (one zod schema per status), declared once. apiRoute (lib/api/handler.ts) parses every
// request with it, lib/api/openapi.ts builds the OpenAPI document from every contract in
// lib/api/routes.ts, and the dashboard infers its types from the same schemas. Imports nothing
// but zod types, so feature modules (lib/*/contract.ts) stay free of server code.
// How to add a route: docs/architecture.md.

export type Method = "get" | "post" | "put" | "patch" | "delete";

export interface ResponseSpec {
  description: string;
  /** The JSON body; omit for an empty answer (204). */
  schema?: z.ZodType;
  /** Response headers as OpenAPI header objects. */
  headers?: Record<string, { description?: string; schema: Record<string, unknown> }>;
}

export interface RouteContract {
  method: Method;
  /** The public path in OpenAPI spelling: `/api/v1/jobs/{eval_id}` for app/api/v1/jobs/[evalId]. A
   * path parameter is the route segment's name in snake_case. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** Path parameters, keyed by the route segment's name (`evalId` for `[evalId]`). A value that
   * does not match answers 404 `<notFound> not found`, as an unknown id would. */
  params?: z.ZodObject;
  notFound?: string;
  /** Query parameters, one field each; a problem answers 400 with every path in `details`. */
  query?: z.ZodObject;
  /** The JSON body (application/json, at most 64 KiB); a problem answers 400 with every path. */
  body?: z.ZodType;
  /**
   * "deferred": the wrapper reads the JSON (415/413/malformed → 400) but leaves validation to the
   * lib/ function, which checks the same schema plus what needs the database, so that `details`
   * lists every problem at once (POST /api/v1/jobs: the profile against the pool's domain).
   */
  bodyValidation?: "deferred";
  /** A body that is not JSON (a file): documented as given, read by the handler itself. */
  rawBody?: { description?: string; content: Record<string, unknown> };
  /** Request headers (documented; the handler reads them). */
  headers?: { name: string; description: string; schema: Record<string, unknown> }[];
  /** Every success status with its body. */
  responses: Record<number, ResponseSpec>;
  /** Every error status the route can answer, with what it means; all share the Error schema. */
  errors: Record<number, string>;
  /**
   * Who may call, checked before anything is parsed. Default: any API key or signed-in member of
   * the organization. "admin": API keys and signed-in admins (requireAdmin). "settings-admin":
   * signed-in admins only, never an API key (requireSettingsAdmin). "session": any signed-in
   * member, never an API key (things that belong to a person, e.g. saved views).
   */
  access?: "admin" | "settings-admin" | "session";
  /** What an API key needs for this route (lib/keys/scopes.ts): without it, 403. Sessions are governed by their role. */
  scope?: Scope;
  /** OpenAPI security requirements, when not the default X-API-Key (e.g. a share token too). */
  security?: Record<string, string[]>[];
  /** Extra OpenAPI fields for the request body (examples). */
  bodyExample?: unknown;
}

/** Declares a route's contract; the identity function, there for the types and the reader. */
export function defineRoute<const C extends RouteContract>(contract: C): C {
  return contract;
}

/** What the handler receives, typed from the contract. */
export type Parsed<C extends RouteContract> = {
  params: C["params"] extends z.ZodObject ? z.output<C["params"]> : Record<string, never>;
  query: C["query"] extends z.ZodObject ? z.output<C["query"]> : Record<string, never>;
  body: C["bodyValidation"] extends "deferred" ? unknown : C["body"] extends z.ZodType ? z.output<C["body"]> : undefined;
};

/** `pickErrors(TABLE, 400, 401)`: those statuses of a feature's error table (status → what it means). */
export function pickErrors<T extends Record<number, string>>(table: T, ...codes: (keyof T & number)[]): Record<number, string> {
  return Object.fromEntries(codes.map((c) => [c, table[c]]));
}

/** What 401, 413, 415, 429 and 500 mean on the routes that take an API key or a session and a JSON body. */
export const COMMON_ERRORS = {
  401: "unauthorized: missing, unknown or revoked API key, and no session",
  413: "payload_too_large: body over 64 KiB",
  415: "unsupported_media_type: Content-Type must be application/json",
  429: "rate_limited: too many requests; see Retry-After",
  500: "internal_error",
} as const;

/** `evalId` (route segment) → `eval_id` (document). */
export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
