import type { z } from "zod";
import { ApiError, errorResponse, fromZodIssues, notFound } from "@/lib/api/errors";
import { requireAdmin, requirePrincipal, requireScope, type Principal } from "@/lib/auth/principal";
import { countInvalidKey, refuseKeyGuessing } from "@/lib/api/invalid-keys";
import { clientAddress } from "@/lib/api/client-address";
import { recordAudit, type AuditActor, type AuditEntry } from "@/lib/audit/record";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { requireSettingsAdmin } from "@/lib/auth/settings-admin";
import { takeToken, rateLimitHeaders } from "@/lib/api/rate-limit";
import { readJsonBody } from "@/lib/api/body";
import type { Parsed, RouteContract } from "@/lib/api/contract";
import { settings } from "@/lib/settings";
import { prisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The one wrapper every /api/v1 route goes through: authenticate, rate-limit, parse the request
// with the route's contract (lib/api/contract.ts), run, map errors. Handlers stay doorways: call
// one function in lib/ with the parsed input and the `db` handed to them, respond (route files
// import no database client: tests/architecture.test.ts).

type Ctx = { params: Promise<Record<string, string | string[]>> };
type Handler<C extends RouteContract> = (
  req: Request,
  ctx: Parsed<C> & { principal: Principal; db: PrismaClient; actor: AuditActor; audit: (entry: AuditEntry) => Promise<void> },
) => Promise<Response>;

/** Who did it, as the audit log records it: the user's email or the key's prefix, and the client address. */
export function auditActor(req: Request, p: Principal): AuditActor {
  const address = clientAddress(req.headers, settings().TRUSTED_PROXIES);
  const at = address === "unknown" ? null : address;
  if (p.via === "api_key") return { type: "api_key", id: p.apiKeyId ?? null, label: p.apiKeyPrefix ?? "API key", clientAddress: at };
  return { type: "user", id: p.userId ?? null, label: p.email ?? p.userId ?? "user", clientAddress: at };
}
type PublicHandler<C extends RouteContract> = (req: Request, ctx: Parsed<C>) => Promise<Response>;

/** A route handler as Next calls it, carrying its contract (the route walker in tests/api/contract.db.test.ts reads it). */
export type ContractedRoute<C extends RouteContract = RouteContract> = ((req: Request, ctx: Ctx) => Promise<Response>) & { contract: C };

export function apiRoute<const C extends RouteContract>(contract: C, handler: Handler<C>): ContractedRoute<C> {
  const route = async (req: Request, ctx: Ctx): Promise<Response> => {
    let limitHeaders: Record<string, string> = {};
    try {
      refuseKeyGuessing(req);
      const principal = await requirePrincipal(req).catch((err) => {
        if (err instanceof UnauthorizedError) countInvalidKey(req);
        throw err;
      });
      const decision = takeToken(principal.apiKeyId ?? `user:${principal.userId}`, settings().RATE_LIMIT_PER_MINUTE);
      limitHeaders = rateLimitHeaders(decision);
      if (!decision.allowed) {
        throw new ApiError(429, "rate_limited", `Rate limit of ${decision.limit} requests per minute exceeded; retry in ${decision.resetSeconds} s`, [], {
          "Retry-After": String(decision.resetSeconds),
        });
      }
      if (contract.access === "admin") requireAdmin(principal);
      if (contract.access === "settings-admin") requireSettingsAdmin(principal);
      if (contract.access === "session" && principal.via !== "session")
        throw new ForbiddenError("This belongs to signed-in people; sign in to the dashboard to use it");
      if (contract.scope) requireScope(principal, contract.scope);
      const db = prisma();
      const actor = auditActor(req, principal);
      if (principal.keyFirstUse)
        await recordAudit(db, principal.organizationId, actor, { action: "api_key.first_used", target: { type: "api_key", id: principal.apiKeyId! } });
      const audit = (entry: AuditEntry) => recordAudit(db, principal.organizationId, actor, entry);
      const parsed = await parseRequest(contract, req, await ctx.params);
      const res = await handler(req, { ...parsed, principal, db, actor, audit });
      for (const [k, v] of Object.entries(limitHeaders)) res.headers.set(k, v);
      return res;
    } catch (err) {
      const res = errorResponse(err);
      for (const [k, v] of Object.entries(limitHeaders)) if (!res.headers.has(k)) res.headers.set(k, v);
      return res;
    }
  };
  return Object.assign(route, { contract });
}

/**
 * A route without apiRoute's authentication (the trace JSON: a share token or a principal, which
 * the handler checks itself): the same parsing and error shape. `errorHeaders` adds headers to
 * error responses (a shared trace's no-referrer policy).
 */
export function publicRoute<const C extends RouteContract>(
  contract: C,
  handler: PublicHandler<C>,
  errorHeaders?: (req: Request) => Record<string, string>,
): ContractedRoute<C> {
  const route = async (req: Request, ctx: Ctx): Promise<Response> => {
    try {
      return await handler(req, await parseRequest(contract, req, await ctx.params));
    } catch (err) {
      const res = errorResponse(err);
      for (const [k, v] of Object.entries(errorHeaders?.(req) ?? {})) res.headers.set(k, v);
      return res;
    }
  };
  return Object.assign(route, { contract });
}

/** Path params (no match → 404), query (→ 400) and JSON body (→ 415/413/400), parsed with the contract. */
export async function parseRequest<C extends RouteContract>(contract: C, req: Request, rawParams: Record<string, unknown>): Promise<Parsed<C>> {
  let params: unknown = {};
  if (contract.params) {
    const p = contract.params.safeParse(rawParams);
    if (!p.success) throw notFound(contract.notFound ?? "Resource");
    params = p.data;
  }
  let query: unknown = {};
  if (contract.query) query = parseOrThrow(contract.query, Object.fromEntries(new URL(req.url).searchParams));
  let body: unknown = undefined;
  if (contract.body) {
    const raw = await readJsonBody(req);
    body = contract.bodyValidation === "deferred" ? raw : parseOrThrow(contract.body, raw);
  }
  return { params, query, body } as Parsed<C>;
}

function parseOrThrow(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZodIssues(parsed.error.issues);
  return parsed.data;
}

/** 405 in the error shape, for methods a route does not have. */
export function methodNotAllowed(allowed: string[]) {
  const route = async () =>
    errorResponse(new ApiError(405, "method_not_allowed", `Method not allowed; use ${allowed.join(" or ")}`, [], { Allow: allowed.join(", ") }));
  return Object.assign(route, { methodNotAllowed: allowed });
}

/**
 * A JSON body already written out (lib/jobs/read.ts getJobJson). Compression stays with Next.js
 * (`next start` gzips responses for clients that accept it and drops a route's own
 * Content-Encoding, so a route cannot hand it pre-compressed bytes).
 */
export const jsonText = (text: string, init: ResponseInit = {}) =>
  new Response(text, { ...init, headers: { "content-type": "application/json", "cache-control": "no-store", ...(init.headers as Record<string, string>) } });

export const json = (body: unknown, init: ResponseInit = {}) =>
  Response.json(body, { ...init, headers: { "cache-control": "no-store", ...(init.headers as Record<string, string>) } });
