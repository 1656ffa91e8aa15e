// GET/POST /api/v1/members – the organization's members (admins, signed in); POST adds a person who can sign in
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { prisma } from "@/lib/db/client";
import { requireSettingsAdmin } from "@/lib/settings-api/admin";
import { addMember, listMembers } from "@/lib/settings-api/members";
import { AddMemberBody } from "@/lib/settings-api/schemas";
import { parseBody } from "@/lib/settings-api/parse";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_req, { principal }) => {
  requireSettingsAdmin(principal);
  return json({ data: await listMembers(prisma(), principal.organizationId) });
});

export const POST = apiRoute(async (req, { principal }) => {
  requireSettingsAdmin(principal);
  const body = await parseBody(req, AddMemberBody);
  return json(await addMember(prisma(), principal.organizationId, body), { status: 201 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
