import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { organization } from "better-auth/plugins";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { prisma } from "@/lib/db/client";
import { settings } from "@/lib/settings";
import { signInAttemptWait } from "@/lib/auth/sign-in-limit";
import { auditAfterAuth } from "@/lib/auth/audit-hooks";

// Sign-in for people: better-auth with email + password (scrypt hashes), sessions in the database,
// and its organization plugin for memberships and roles. Accounts are made by admins (Settings →
// Members, or the CLI's `users create`), so public sign-up is off.

// The organization plugin is here for memberships, roles and the active organization. Its
// management endpoints (/organization/update, invite-member, list-members, remove-member, …) would
// be a second door beside Nexio's own, with other rules: an admin could set any slug (the namespace
// of pool ids and of the CLI's --org), invite accounts of other organizations, and any member could
// read every member's email (admin-only in /api/v1/members). Only these stay open: each answers
// about the caller's own memberships.
const OPEN_ORGANIZATION_PATHS = new Set(["/organization/set-active", "/organization/list", "/organization/get-active-member"]);

// Runs before every better-auth endpoint: closes the organization endpoints above, and applies the
// per-account limit on sign-in attempts (lib/auth/sign-in-limit.ts) to the email better-auth parsed.
const beforeEndpoints = createAuthMiddleware(async (ctx) => {
  if (ctx.path.startsWith("/organization/") && !OPEN_ORGANIZATION_PATHS.has(ctx.path)) throw new APIError("NOT_FOUND", { message: "Not found" });
  if (ctx.path === "/sign-in/email") {
    const wait = signInAttemptWait((ctx.body as { email?: unknown } | undefined)?.email);
    // The same answer as better-auth's own per-address limit, so the sign-in form shows the wait either way.
    if (wait !== null)
      throw new APIError(
        "TOO_MANY_REQUESTS",
        { message: "Too many requests. Please try again later." },
        { "X-Retry-After": String(wait), "Retry-After": String(wait) },
      );
  }
});

function createAuth() {
  const s = settings();
  return betterAuth({
    appName: "Nexio",
    baseURL: s.baseUrl,
    secret: s.AUTH_SECRET ?? process.env.AUTH_SECRET,
    database: prismaAdapter(prisma(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: { database: { generateId: () => crypto.randomUUID() }, ipAddress: { trustedProxies: s.TRUSTED_PROXIES } },
    // Password guessing: better-auth's limit of 3 sign-in attempts per 10 s per client address,
    // on in every environment (its default is production only). Behind a proxy, TRUSTED_PROXIES
    // says whose X-Forwarded-For entries to skip to find the client.
    rateLimit: { enabled: true },
    trustedOrigins: [s.baseUrl, `http://localhost:${s.PORT}`, `http://127.0.0.1:${s.PORT}`],
    hooks: { before: beforeEndpoints, after: createAuthMiddleware(async (ctx) => auditAfterAuth(ctx as never)) },
    plugins: [organization({ allowUserToCreateOrganization: false }), nextCookies()],
    telemetry: { enabled: false },
  });
}

type Auth = ReturnType<typeof createAuth>;
declare global {
  var __nexioAuth: Auth | undefined;
}

export function auth(): Auth {
  globalThis.__nexioAuth ??= createAuth();
  return globalThis.__nexioAuth;
}
