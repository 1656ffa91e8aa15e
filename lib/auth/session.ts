import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db/client";
import { principalFromSession } from "@/lib/auth/principal";

/**
 * For server components: the signed-in person and their organization, or a redirect to sign-in
 * that comes back to `next` (by default the requested path, which proxy.ts passes along).
 */
export async function requireSession(next?: string) {
  const h = await headers();
  const p = await principalFromSession(h);
  if (!p || !p.userId) {
    const back = next ?? h.get("x-nexio-path");
    redirect(`/sign-in${back ? `?next=${encodeURIComponent(back)}` : ""}`);
  }
  const [user, org] = await Promise.all([
    prisma().user.findUniqueOrThrow({ where: { id: p.userId }, select: { id: true, name: true, email: true } }),
    prisma().organization.findUniqueOrThrow({ where: { id: p.organizationId }, select: { id: true, name: true, slug: true } }),
  ]);
  return { principal: p, user, org };
}

export async function optionalSession() {
  return principalFromSession(await headers());
}
