import "server-only";
import { prisma } from "@/lib/db/client";
import { authenticateApiKey } from "@/lib/keys/api-keys";
import { auth } from "@/lib/auth/auth";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { settings } from "@/lib/settings";
import type { Role } from "@/lib/orgs/organizations";

// Who is asking, and for which organization. API clients present X-API-Key; the dashboard's
// requests carry a better-auth session cookie and go through the very same route handlers.

export interface Principal {
  organizationId: string;
  via: "api_key" | "session";
  apiKeyId?: string;
  userId?: string;
  role?: Role;
}

export async function principalFromApiKey(req: Request): Promise<Principal | null> {
  const owner = await authenticateApiKey(prisma(), req.headers.get("x-api-key"));
  return owner ? { organizationId: owner.organizationId, via: "api_key", apiKeyId: owner.apiKeyId } : null;
}

export async function principalFromSession(headers: Headers): Promise<Principal | null> {
  if (!headers.get("cookie")) return null;
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const active = (session.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? undefined;
  const membership = await prisma().member.findFirst({
    where: { userId: session.user.id, ...(active ? { organizationId: active } : {}) },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true, role: true },
  });
  if (!membership) return null;
  return { organizationId: membership.organizationId, via: "session", userId: session.user.id, role: membership.role as Role };
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
  if (req.method !== "GET" && req.method !== "HEAD") {
    const origin = req.headers.get("origin");
    if (!origin || (origin !== new URL(req.url).origin && origin !== settings().baseUrl)) throw new ForbiddenError("Cross-origin request refused");
  }
  return p;
}

export function requireAdmin(p: Principal) {
  if (p.via === "session" && p.role !== "admin") throw new ForbiddenError("Only organization admins can do this");
}
