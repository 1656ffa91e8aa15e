import { ApiError, errorResponse } from "@/lib/api/errors";
import { requirePrincipal, type Principal } from "@/lib/auth/principal";
import { takeToken, rateLimitHeaders } from "@/lib/api/rate-limit";
import { settings } from "@/lib/settings";
import { prisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The one wrapper every /api/v1 route goes through: authenticate, rate-limit, run, map errors.
// Handlers stay doorways: parse, call one function in lib/ with the `db` handed to them, respond
// (route files import no database client: tests/architecture.test.ts).

type Ctx<P> = { params: Promise<P> };
type Handler<P> = (req: Request, ctx: { principal: Principal; params: P; db: PrismaClient }) => Promise<Response>;

export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    let limitHeaders: Record<string, string> = {};
    try {
      const principal = await requirePrincipal(req);
      const decision = takeToken(principal.apiKeyId ?? `user:${principal.userId}`, settings().RATE_LIMIT_PER_MINUTE);
      limitHeaders = rateLimitHeaders(decision);
      if (!decision.allowed) {
        throw new ApiError(429, "rate_limited", `Rate limit of ${decision.limit} requests per minute exceeded; retry in ${decision.resetSeconds} s`, [], {
          "Retry-After": String(decision.resetSeconds),
        });
      }
      const res = await handler(req, { principal, params: await ctx.params, db: prisma() });
      for (const [k, v] of Object.entries(limitHeaders)) res.headers.set(k, v);
      return res;
    } catch (err) {
      const res = errorResponse(err);
      for (const [k, v] of Object.entries(limitHeaders)) if (!res.headers.has(k)) res.headers.set(k, v);
      return res;
    }
  };
}

/** 405 in the error shape, for methods a route does not have. */
export function methodNotAllowed(allowed: string[]) {
  return async () =>
    errorResponse(new ApiError(405, "method_not_allowed", `Method not allowed; use ${allowed.join(" or ")}`, [], { Allow: allowed.join(", ") }));
}

export const json = (body: unknown, init: ResponseInit = {}) =>
  Response.json(body, { ...init, headers: { "cache-control": "no-store", ...(init.headers as Record<string, string>) } });
