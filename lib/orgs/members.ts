import type { PrismaClient } from "@/lib/generated/prisma/client";
import { invalid } from "@/lib/errors";
import { createUser, type Role } from "@/lib/orgs/organizations";
import type { AddMemberBody, MemberView } from "@/lib/orgs/schemas";

export async function listMembers(db: PrismaClient, organizationId: string): Promise<MemberView[]> {
  const rows = await db.member.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((m) => ({
    id: m.id,
    user_id: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role as Role,
    created_at: m.createdAt.toISOString(),
  }));
}

/**
 * A new person who signs in with the temporary password. An email that already has an account
 * is refused: createUser would attach that account without setting the password the admin
 * typed, and sign-in opens a person's first organization, so the colleague could not get in.
 */
export async function addMember(db: PrismaClient, organizationId: string, body: AddMemberBody): Promise<MemberView> {
  const email = body.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    const message = "A user with this email already exists";
    throw invalid(`Invalid value for email: ${message}`, [{ path: "email", code: "already_exists", message }]);
  }
  const user = await createUser(db, { organizationId, email, password: body.password, role: body.role, name: body.name });
  const member = await db.member.findUniqueOrThrow({
    where: { organizationId_userId: { organizationId, userId: user.id } },
    select: { id: true, createdAt: true },
  });
  return { id: member.id, user_id: user.id, name: user.name, email: user.email, role: body.role, created_at: member.createdAt.toISOString() };
}
