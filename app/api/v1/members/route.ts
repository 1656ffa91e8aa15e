// GET/POST /api/v1/members – the organization's members, paged (admins, signed in); POST adds a person who signs in with a temporary password
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { addMemberRoute, listMembersRoute } from "@/lib/orgs/contract";
import { addMember, listMembers } from "@/lib/orgs/members";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listMembersRoute, async (_req, { principal, query, db }) => json(await listMembers(db, principal.organizationId, query)));

export const POST = apiRoute(addMemberRoute, async (_req, { principal, body, db, audit }) => {
  const member = await addMember(db, principal.organizationId, body);
  await audit({ action: "member.added", target: { type: "member", id: member.id }, after: { email: member.email, role: member.role } });
  return json(member, { status: 201 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
