import { APIError } from "better-auth/api";
import { prisma } from "@/lib/db/client";
import { settings } from "@/lib/settings";
import { clientAddress } from "@/lib/api/client-address";
import { recordAudit } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/schemas";

// What better-auth's own endpoints do that the audit log keeps: sign-in attempts (in every
// organization of the account; an unknown email belongs to no organization and is not recorded)
// and password changes (which also lift "must change password").

interface HookCtx {
  path: string;
  body?: unknown;
  headers?: Headers;
  request?: Request;
  context: { returned?: unknown; newSession?: { user: { id: string; email: string } } | null; session?: { user: { id: string; email: string } } | null };
}

async function recordForUser(user: { id: string; email: string }, action: AuditAction, headers: Headers | undefined) {
  const db = prisma();
  const address = headers ? clientAddress(headers, settings().TRUSTED_PROXIES) : "unknown";
  const memberships = await db.member.findMany({ where: { userId: user.id }, select: { organizationId: true } });
  for (const m of memberships) {
    await recordAudit(
      db,
      m.organizationId,
      { type: "user", id: user.id, label: user.email, clientAddress: address === "unknown" ? null : address },
      { action, target: { type: "user", id: user.id } },
    );
  }
}

export async function auditAfterAuth(ctx: HookCtx) {
  const failed = ctx.context.returned instanceof APIError;
  const headers = ctx.headers ?? ctx.request?.headers;
  if (ctx.path === "/sign-in/email") {
    if (!failed && ctx.context.newSession) return recordForUser(ctx.context.newSession.user, "sign_in.succeeded", headers);
    const email = (ctx.body as { email?: unknown } | undefined)?.email;
    if (failed && typeof email === "string" && email.length <= 320) {
      const user = await prisma().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
      if (user) return recordForUser(user, "sign_in.failed", headers);
    }
    return;
  }
  if (ctx.path === "/change-password" && !failed && ctx.context.session) {
    const user = ctx.context.session.user;
    await prisma().user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    return recordForUser(user, "password.changed", headers);
  }
}
