// GET/POST /api/v1/members – the organization's members (admins, signed in); POST adds a person who can sign in
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { requireSettingsAdmin } from "@/lib/auth/settings-admin";
import { addMember, listMembers } from "@/lib/orgs/members";
import { AddMemberBody } from "@/lib/orgs/schemas";
import { parseBody } from "@/lib/api/parse-body";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_req, { principal, db }) => {
  requireSettingsAdmin(principal);
  return json({ data: await listMembers(db, principal.organizationId) });
});

export const POST = apiRoute(async (req, { principal, db }) => {
  requireSettingsAdmin(principal);
  const body = await parseBody(req, AddMemberBody);
  return json(await addMember(db, principal.organizationId, body), { status: 201 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
