import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, invalid, notFound } from "@/lib/errors";
import { createUser, type Role } from "@/lib/orgs/organizations";
import type { AddMemberBody, MemberView, UpdateMemberBody } from "@/lib/orgs/schemas";

// The member lifecycle, for admins (Settings → Members, /api/v1/members, the CLI): add, change role,
// set a password, remove. An organization always keeps one admin. A removed member, or one whose
// role or password changed, has every session ended at once: the next request is 401 and they sign
// in again (with the new role), instead of a session that renews for ever.

const view = (m: {
  id: string;
  role: string;
  createdAt: Date;
  user: { id: string; name: string; email: string; mustChangePassword: boolean };
}): MemberView => ({
  id: m.id,
  user_id: m.user.id,
  name: m.user.name,
  email: m.user.email,
  role: m.role as Role,
  created_at: m.createdAt.toISOString(),
  must_change_password: m.user.mustChangePassword,
});
const memberSelect = { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true, mustChangePassword: true } } } as const;

/** Members oldest first, cursor-paged by member id. */
export async function listMembers(
  db: PrismaClient,
  organizationId: string,
  page: { limit?: number; starting_after?: string } = {},
): Promise<{ data: MemberView[]; has_more: boolean }> {
  const limit = page.limit ?? 100;
  if (page.starting_after && !(await db.member.findFirst({ where: { id: page.starting_after, organizationId }, select: { id: true } }))) {
    throw invalid(`starting_after: no member ${page.starting_after}`, [{ path: "starting_after", code: "invalid_cursor", message: "unknown member id" }]);
  }
  const rows = await db.member.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: memberSelect,
    take: limit + 1,
    ...(page.starting_after ? { cursor: { id: page.starting_after }, skip: 1 } : {}),
  });
  return { data: rows.slice(0, limit).map(view), has_more: rows.length > limit };
}

/**
 * A new person who signs in with the temporary password, which they must change at first sign-in.
 * An email that already has an account is refused, also one made a moment ago by a concurrent
 * request (attachExisting: false): attaching it would hand this organization another one's account.
 */
export async function addMember(db: PrismaClient, organizationId: string, body: AddMemberBody): Promise<MemberView> {
  const email = body.email.trim().toLowerCase();
  const taken = () => {
    const message = "A user with this email already exists";
    return invalid(`Invalid value for email: ${message}`, [{ path: "email", code: "already_exists", message }]);
  };
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw taken();
  let user;
  try {
    user = await createUser(db, {
      organizationId,
      email,
      password: body.password,
      role: body.role,
      name: body.name,
      attachExisting: false,
      mustChangePassword: true,
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw taken();
    throw err;
  }
  const member = await db.member.findUniqueOrThrow({ where: { organizationId_userId: { organizationId, userId: user.id } }, select: memberSelect });
  return view(member);
}

/** The member and the organization's admins, locked until the transaction ends (two admins demoting each other at once cannot both succeed). */
async function lockMembers(tx: Prisma.TransactionClient, organizationId: string, memberId: string) {
  await tx.$queryRaw`SELECT id FROM members WHERE organization_id = ${organizationId} AND (role = 'admin' OR id = ${memberId}) ORDER BY id FOR UPDATE`;
  const member = await tx.member.findFirst({ where: { id: memberId, organizationId }, select: memberSelect });
  if (!member) throw notFound("Member");
  const admins = await tx.member.count({ where: { organizationId, role: "admin" } });
  return { member, admins };
}

const lastAdmin = () => new ConflictError("An organization keeps at least one admin: make another member admin first");

async function endSessions(tx: Prisma.TransactionClient, userId: string) {
  await tx.session.deleteMany({ where: { userId } });
}

export interface MemberChange {
  before: MemberView;
  after: MemberView | null;
}

/** Role and/or password. A password set by an admin must be changed at the member's next sign-in. */
export async function updateMember(db: PrismaClient, organizationId: string, memberId: string, body: UpdateMemberBody): Promise<MemberChange> {
  const password = body.password ? await hashPassword(body.password) : null;
  return db.$transaction(async (tx) => {
    const { member, admins } = await lockMembers(tx, organizationId, memberId);
    if (body.role && member.role === "admin" && body.role !== "admin" && admins <= 1) throw lastAdmin();
    if (body.role && body.role !== member.role) await tx.member.update({ where: { id: member.id }, data: { role: body.role } });
    if (password) {
      await tx.account.updateMany({ where: { userId: member.user.id, providerId: "credential" }, data: { password } });
      await tx.user.update({ where: { id: member.user.id }, data: { mustChangePassword: true } });
    }
    if ((body.role && body.role !== member.role) || password) await endSessions(tx, member.user.id);
    const after = await tx.member.findUniqueOrThrow({ where: { id: member.id }, select: memberSelect });
    return { before: view(member), after: view(after) };
  });
}

/** Out of the organization; the account stays (it may belong elsewhere), its sessions end now. */
export async function removeMember(db: PrismaClient, organizationId: string, memberId: string): Promise<MemberChange> {
  return db.$transaction(async (tx) => {
    const { member, admins } = await lockMembers(tx, organizationId, memberId);
    if (member.role === "admin" && admins <= 1) throw lastAdmin();
    await tx.member.delete({ where: { id: member.id } });
    await endSessions(tx, member.user.id);
    return { before: view(member), after: null };
  });
}
