import { createPrisma } from "@/lib/db/client";
import { createOrganization, createUser } from "@/lib/orgs/organizations";
import { createApiKey } from "@/lib/keys/api-keys";
import { randomBase62 } from "@/lib/ids";
import { seedDemoPools } from "@/lib/pools/seed";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Helpers for *.db.test.ts: a client on the run's test database, demo pools, and fresh
// organizations per test (never hard-coded ids or keys).

let client: PrismaClient | undefined;
export function testDb(): PrismaClient {
  client ??= createPrisma(process.env.DATABASE_URL, 5);
  return client;
}

let seeded: Promise<unknown> | undefined;
export function ensureDemoPools() {
  seeded ??= seedDemoPools(testDb());
  return seeded;
}

export async function newOrg(label = "org") {
  const db = testDb();
  await ensureDemoPools();
  const slug = `${label}-${randomBase62(8).toLowerCase()}`;
  const org = await createOrganization(db, slug, `Test ${label}`);
  const key = await createApiKey(db, org.id, { name: "test" });
  return { org, key: key.key, keyId: key.id };
}

export async function newUser(organizationId: string, role: "admin" | "underwriter" = "underwriter") {
  const email = `u-${randomBase62(8).toLowerCase()}@example.test`;
  const password = `pw-${randomBase62(12)}`;
  const user = await createUser(testDb(), { organizationId, email, password, role });
  return { user, email, password };
}

/**
 * Test files run one after another on one database. Files that drive the job or delivery queue
 * start from an empty queue: earlier files' queued jobs and pending deliveries (to hosts that
 * never answer) are settled here so they cannot be claimed ahead of this file's own.
 */
export async function quiesceQueues() {
  const db = testDb();
  await db.webhookDelivery.updateMany({ where: { status: "pending" }, data: { status: "failed", lastError: "settled by test setup" } });
  await db.job.updateMany({
    where: { status: { in: ["queued", "running"] } },
    data: { status: "failed", errorCode: "test_setup", errorMessage: "settled by test setup", leaseOwner: null, leaseExpiresAt: null },
  });
}
