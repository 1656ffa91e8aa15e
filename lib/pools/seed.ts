import type { PrismaClient } from "@/lib/generated/prisma/client";
import { demoPools } from "@/lib/pools/demo";
import { upsertPoolVersion } from "@/lib/pools/pools";
import { ensureOrganization, createUser } from "@/lib/orgs/organizations";

// Demo data loaded on every start: the `demo` organization, its admin, and the shared demo
// pools. Safe to repeat: nothing is duplicated, and a pool gets a new version only when the
// generator's output changed.

export const DEMO_ORG = { slug: "demo", name: "Demo Brokerage" };
export const DEMO_USER = { email: "demo@nexio.local", password: "nexio-demo-password" };

export async function seedDemo(db: PrismaClient) {
  const org = await ensureOrganization(db, DEMO_ORG.slug, DEMO_ORG.name);
  const user = await db.user.findUnique({ where: { email: DEMO_USER.email } });
  if (!user) {
    await createUser(db, { organizationId: org.id, email: DEMO_USER.email, password: DEMO_USER.password, role: "admin", name: "Demo Admin" });
  }
  const pools = [];
  for (const p of demoPools()) {
    const v = await upsertPoolVersion(db, { key: p.id, domain: p.domain, name: p.name, description: p.description, organizationId: null }, p.candidates);
    pools.push({ id: p.id, version: v.version, size: p.candidates.length, created: v.created });
  }
  return { organization: org, pools };
}
