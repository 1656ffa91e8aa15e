import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { parseSettings } from "@/lib/settings";
import { DEMO_USER, demoWanted, seedForStart } from "@/lib/pools/seed";
import { testDb } from "@/tests/setup/db";

// A deployment on PostgreSQL (DATABASE_URL) gets no demo organization and no published admin
// login unless NEXIO_DEMO=1; the embedded trial keeps them; the demo is seeded once per database,
// so deleting the demo user is final.

async function signInAsDemo() {
  const res = await auth().api.signInEmail({ body: { email: DEMO_USER.email, password: DEMO_USER.password }, asResponse: true });
  return res.status;
}

const demoFor = (env: Record<string, string>) => {
  const s = parseSettings(env);
  return demoWanted({ embedded: !s.DATABASE_URL, NEXIO_DEMO: s.NEXIO_DEMO });
};

describe("demo only where asked", () => {
  it("decides from DATABASE_URL and NEXIO_DEMO", () => {
    expect(demoFor({})).toBe(true);
    expect(demoFor({ NEXIO_DEMO: "0" })).toBe(false);
    expect(demoFor({ DATABASE_URL: "postgresql://db/nexio" })).toBe(false);
    expect(demoFor({ DATABASE_URL: "postgresql://db/nexio", NEXIO_DEMO: "1" })).toBe(true);
  });

  it("with DATABASE_URL on an empty database: no demo organization or user, and signing in as the demo admin fails", async () => {
    const db = testDb();
    const seeded = await seedForStart(db, { demo: demoFor({ DATABASE_URL: "postgresql://db/nexio" }) });
    expect(seeded.demo.demoUserExists).toBe(false);
    expect(await db.user.count({ where: { email: DEMO_USER.email } })).toBe(0);
    expect(await db.organization.count({ where: { slug: "demo" } })).toBe(0);
    expect(seeded.pools.map((p) => p.id)).toContain("carriers:all");
    expect(await signInAsDemo()).toBe(401);
  });

  it("seeds the demo once when asked; a deleted demo user stays deleted after the next start", async () => {
    const db = testDb();
    const first = await seedForStart(db, { demo: true });
    expect(first.demo).toEqual({ seededNow: true, demoUserExists: true });
    expect(await signInAsDemo()).toBe(200);

    await db.user.delete({ where: { email: DEMO_USER.email } });
    const second = await seedForStart(db, { demo: true });
    expect(second.demo).toEqual({ seededNow: false, demoUserExists: false });
    expect(await db.user.count({ where: { email: DEMO_USER.email } })).toBe(0);
    expect(await signInAsDemo()).toBe(401);
  });
});
