// PATCH /api/v1/members/{id} – change a member's role or set a password they must change; DELETE removes them (admins, signed in). The member's sessions end at once; the last admin stays.
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { removeMemberRoute, updateMemberRoute } from "@/lib/orgs/contract";
import { removeMember, updateMember } from "@/lib/orgs/members";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(updateMemberRoute, async (_req, { principal, params, body, db, audit }) => {
  const { before, after } = await updateMember(db, principal.organizationId, params.id, body);
  const target = { type: "member", id: params.id };
  if (body.role && before.role !== after!.role)
    await audit({
      action: "member.role_changed",
      target,
      before: { email: before.email, role: before.role },
      after: { email: after!.email, role: after!.role },
    });
  if (body.password) await audit({ action: "member.password_set", target, after: { email: before.email } });
  return json(after);
});

export const DELETE = apiRoute(removeMemberRoute, async (_req, { principal, params, db, audit }) => {
  const { before } = await removeMember(db, principal.organizationId, params.id);
  await audit({ action: "member.removed", target: { type: "member", id: params.id }, before: { email: before.email, role: before.role } });
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed(["PATCH", "DELETE"]);
export const POST = GET;
export const PUT = GET;
