import type { PrismaClient } from "@/lib/generated/prisma/client";
import { demoPools } from "@/lib/pools/demo";
import { upsertPoolVersion } from "@/lib/pools/pools";
import { ensureOrganization, createUser } from "@/lib/orgs/organizations";

// Demo data. The shared demo pools are loaded on every start (safe to repeat: a pool gets a new
// version only when the generator's output changed). The `demo` organization and its admin, whose
// password is published in the README, are made only where asked (demoWanted) and only ONCE per
// database: a seed mark records it, so a deleted demo user stays deleted across restarts.

export const DEMO_ORG = { slug: "demo", name: "Demo Brokerage" };
export const DEMO_USER = { email: "demo@nexio.local", password: "nexio-demo-password" };
const DEMO_MARK = "demo";

/**
 * Whether this start may create the demo organization and admin: NEXIO_DEMO when set, otherwise
 * only on the embedded default (a one-machine trial). With DATABASE_URL — a real deployment — a
 * published admin login would make anyone who reaches it an admin.
 */
export function demoWanted(opts: { embedded: boolean; NEXIO_DEMO?: boolean }): boolean {
  return opts.NEXIO_DEMO ?? opts.embedded;
}

export async function seedDemoPools(db: PrismaClient) {
  const pools = [];
  for (const p of demoPools()) {
    const v = await upsertPoolVersion(db, { key: p.id, domain: p.domain, name: p.name, description: p.description, organizationId: null }, p.candidates);
    pools.push({ id: p.id, version: v.version, size: p.candidates.length, created: v.created });
  }
  return pools;
}

/**
 * The demo organization and its admin, the first time only. Returns whether the demo admin can
 * sign in now (it exists), so the start banner prints the login only when it is true.
 */
export async function seedDemoOrganizationOnce(db: PrismaClient): Promise<{ seededNow: boolean; demoUserExists: boolean }> {
  const mark = await db.seedMark.findUnique({ where: { name: DEMO_MARK } });
  let seededNow = false;
  if (!mark) {
    const org = await ensureOrganization(db, DEMO_ORG.slug, DEMO_ORG.name);
    if (!(await db.user.findUnique({ where: { email: DEMO_USER.email } }))) {
      await createUser(db, { organizationId: org.id, email: DEMO_USER.email, password: DEMO_USER.password, role: "admin", name: "Demo Admin" });
    }
    await db.seedMark.createMany({ data: [{ name: DEMO_MARK }], skipDuplicates: true });
    seededNow = true;
  }
  const demoUserExists = (await db.user.count({ where: { email: DEMO_USER.email } })) > 0;
  return { seededNow, demoUserExists };
}

/** Everything a start loads: demo pools always, the demo organization where wanted. */
export async function seedForStart(db: PrismaClient, opts: { demo: boolean }) {
  const pools = await seedDemoPools(db);
  const demo = opts.demo ? await seedDemoOrganizationOnce(db) : { seededNow: false, demoUserExists: false };
  const users = await db.user.count();
  return { pools, demo, users };
}

/** For tests and the CLI's fresh embedded database: pools and the demo organization (once). */
export async function seedDemo(db: PrismaClient) {
  const pools = await seedDemoPools(db);
  await seedDemoOrganizationOnce(db);
  return { pools };
}
