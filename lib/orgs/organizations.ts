import { z } from "zod";
import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { newWebhookSecret } from "@/lib/webhooks/secret";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { ROLES, type Role } from "@/lib/orgs/schemas";

export { ROLES, type Role };

export const OrgSlug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, "lowercase letters, digits and hyphens, 1–48 characters");

export async function createOrganization(db: PrismaClient, slug: string, name: string) {
  const existing = await db.organization.findUnique({ where: { slug } });
  if (existing) throw new ConflictError(`organization "${slug}" already exists`);
  return db.organization.create({
    data: { id: newId("org"), slug: OrgSlug.parse(slug), name, webhookSecret: newWebhookSecret() },
  });
}

/** Create the organization if it is missing; never changes an existing one (safe on every start). */
export async function ensureOrganization(db: PrismaClient, slug: string, name: string) {
  const existing = await db.organization.findUnique({ where: { slug } });
  if (existing) {
    if (!existing.webhookSecret) {
      return db.organization.update({ where: { id: existing.id }, data: { webhookSecret: newWebhookSecret() } });
    }
    return existing;
  }
  return createOrganization(db, slug, name);
}

export async function organizationBySlug(db: PrismaClient, slug: string) {
  const org = await db.organization.findUnique({ where: { slug } });
  if (!org) throw new NotFoundError(`no organization with slug "${slug}"`);
  return org;
}

/**
 * A user who can sign in with email + password through better-auth: the same rows its
 * sign-up writes (user, credential account with a better-auth password hash), plus a membership.
 */
export async function createUser(
  db: PrismaClient,
  opts: {
    organizationId: string;
    email: string;
    password: string;
    role: Role;
    name?: string;
    /** false: only ever a new account (an existing email is a conflict, even one made a moment ago) */
    attachExisting?: boolean;
    /** the password was chosen by someone else: it must be changed at the first sign-in */
    mustChangePassword?: boolean;
  },
) {
  const email = opts.email.trim().toLowerCase();
  const existing = opts.attachExisting === false ? null : await db.user.findUnique({ where: { email } });
  if (existing) {
    const member = await db.member.findUnique({
      where: { organizationId_userId: { organizationId: opts.organizationId, userId: existing.id } },
    });
    if (member) throw new ConflictError(`user ${email} is already a member`);
    await db.member.create({
      data: { id: newId("mem"), organizationId: opts.organizationId, userId: existing.id, role: opts.role },
    });
    return existing;
  }
  const password = await hashPassword(opts.password);
  const userId = newId("usr");
  const now = new Date();
  const [user] = await db.$transaction([
    db.user.create({
      data: {
        id: userId,
        email,
        name: opts.name ?? email.split("@")[0],
        emailVerified: true,
        mustChangePassword: opts.mustChangePassword ?? false,
        createdAt: now,
        updatedAt: now,
      },
    }),
    db.account.create({
      data: { id: newId("acc"), accountId: userId, providerId: "credential", userId, password, createdAt: now, updatedAt: now },
    }),
    db.member.create({ data: { id: newId("mem"), organizationId: opts.organizationId, userId, role: opts.role } }),
  ]);
  return user;
}
