import "server-only";
import { prisma } from "@/lib/db/client";
import { authenticateApiKey } from "@/lib/keys/api-keys";
import { auth } from "@/lib/auth/auth";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { settings } from "@/lib/settings";
import type { Role } from "@/lib/orgs/organizations";
import { hasScope, type Scope } from "@/lib/keys/scopes";

// Who is asking, and for which organization. API clients present X-API-Key; the dashboard's
// requests carry a better-auth session cookie and go through the very same route handlers.

export interface Principal {
  organizationId: string;
  via: "api_key" | "session";
  apiKeyId?: string;
  /** the key's display prefix (nx_live_7xKp), for the audit log */
  apiKeyPrefix?: string;
  /** "test" for nx_test_ keys: their jobs are marked and listed apart */
  keyMode?: "live" | "test";
  /** what the key may do (lib/keys/scopes.ts) */
  scopes?: string[];
  /** this request is the key's first use */
  keyFirstUse?: boolean;
  userId?: string;
  email?: string;
  role?: Role;
  /** an admin set this person's password: until they change it (Profile), only that is allowed */
  mustChangePassword?: boolean;
}

export async function principalFromApiKey(req: Request): Promise<Principal | null> {
  const owner = await authenticateApiKey(prisma(), req.headers.get("x-api-key"));
  if (!owner) return null;
  return {
    organizationId: owner.organizationId,
    via: "api_key",
    apiKeyId: owner.apiKeyId,
    apiKeyPrefix: owner.prefix,
    keyMode: owner.mode,
    scopes: owner.scopes,
    keyFirstUse: owner.firstUse ?? false,
  };
}

export async function principalFromSession(headers: Headers): Promise<Principal | null> {
  if (!headers.get("cookie")) return null;
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const active = (session.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? undefined;
  const membership = await prisma().member.findFirst({
    where: { userId: session.user.id, ...(active ? { organizationId: active } : {}) },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true, role: true, user: { select: { mustChangePassword: true } } },
  });
  if (!membership) return null;
  return {
    organizationId: membership.organizationId,
    via: "session",
    userId: session.user.id,
    email: session.user.email,
    role: membership.role as Role,
    mustChangePassword: membership.user.mustChangePassword,
  };
}

/**
 * The API key if one is presented (a bad key is refused even when a session cookie is there too),
 * else the session. Cookie-authenticated writes must come from this origin (no cross-site forms).
 */
export async function requirePrincipal(req: Request): Promise<Principal> {
  if (req.headers.has("x-api-key")) {
    const p = await principalFromApiKey(req);
    if (!p) throw new UnauthorizedError("Invalid or revoked API key");
    return p;
  }
  const p = await principalFromSession(req.headers);
  if (!p) throw new UnauthorizedError("Missing X-API-Key header");
  if (p.mustChangePassword) throw new ForbiddenError("Change the password an admin set for you first (Profile)");
  if (req.method !== "GET" && req.method !== "HEAD") {
    const origin = req.headers.get("origin");
    if (!origin || (origin !== new URL(req.url).origin && origin !== settings().baseUrl)) throw new ForbiddenError("Cross-origin request refused");
  }
  return p;
}

/** An API key needs `scope` (403 otherwise); signed-in people are governed by their role. */
export function requireScope(p: Principal, scope: Scope) {
  if (p.via === "api_key" && !hasScope(p.scopes ?? [], scope)) throw new ForbiddenError(`This API key does not have the ${scope} scope`);
}

export function requireAdmin(p: Principal) {
  if (p.via === "session" && p.role !== "admin") throw new ForbiddenError("Only organization admins can do this");
}
