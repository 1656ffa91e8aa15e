import { describe, expect, it } from "vitest";
import { upsertPoolVersion } from "@/lib/pools/pools";
import { rotateWebhookSecret, signingSecrets } from "@/lib/webhooks/org-secret";
import { newOrg, testDb } from "@/tests/setup/db";

// Races, each run for real against the test database: the outcome must be the same whatever the
// interleaving.

describe("races", () => {
  it("an import that finishes after a newer one does not make its older version current", async () => {
    const { org } = await newOrg("poolrace");
    const db = testDb();
    const key = `${org.slug}:race`;
    const pool = { key, domain: "carriers", name: "race", description: "", organizationId: org.id };
    await upsertPoolVersion(db, pool, [{ id: "seed" }], "test");
    // Import A writes its version, then stalls until import B has written and finished.
    let reached!: () => void;
    const aWroteItsVersion = new Promise<void>((r) => (reached = r));
    let bFinished!: () => void;
    const bDone = new Promise<void>((r) => (bFinished = r));
    const slow = db.$extends({
      query: {
        poolVersion: {
          async create({ args, query }) {
            const row = await query(args);
            reached();
            await bDone;
            return row;
          },
        },
      },
    }) as unknown as typeof db;
    const a = upsertPoolVersion(slow, pool, [{ id: "from-a" }], "test");
    await aWroteItsVersion;
    const b = await upsertPoolVersion(db, pool, [{ id: "from-b" }], "test");
    bFinished();
    const aResult = await a;
    expect(b.version).toBeGreaterThan(aResult.version);
    const row = await db.pool.findUniqueOrThrow({ where: { key } });
    expect(row.currentVersionId).toBe(b.versionId);
  });

  it("two rotations of the webhook secret at once lose no secret: the last one's previous is the first one's", async () => {
    const { org } = await newOrg("secretrace");
    const db = testDb();
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([rotateWebhookSecret(db, org.id), rotateWebhookSecret(db, org.id)]);
      const row = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
      // Both secrets handed out still sign: the current one and the one it replaced.
      expect(signingSecrets(row, new Date()).sort()).toEqual([a.secret, b.secret].sort());
    }
  });
});
