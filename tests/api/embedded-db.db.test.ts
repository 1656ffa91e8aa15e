import pg from "pg";
import { describe, expect, it } from "vitest";

// The embedded database serves many connections from one PGlite session. Parameterized queries
// (Parse/Bind/Execute/Sync, what Prisma and `pg` send) from different connections must not
// interleave inside that one session, or one request runs another's statement and reads its
// rows. Found by the concurrent Idempotency-Key test (a replayed request saw no record, and
// "portal does not exist"), fixed by lib/db/pglite-queue.ts; this is that failure without the API
// around it (tests/db/embedded-concurrency.db.test.ts covers plain concurrent statements). On
// PostgreSQL it passes trivially.

describe("the database under concurrent connections", () => {
  it("racing transactions with unique violations, then parameterized reads: every answer is the asker's", async () => {
    const url = process.env.DATABASE_URL!;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const table = `race_${Date.now()}`;
    await admin.query(`CREATE TABLE ${table} (k text PRIMARY KEY, v text NOT NULL)`);
    const wrong: string[] = [];
    const unexpected: string[] = [];
    try {
      for (let round = 0; round < 8; round++) {
        const clients = await Promise.all(
          Array.from({ length: 10 }, async () => {
            const c = new pg.Client({ connectionString: url });
            await c.connect();
            return c;
          }),
        );
        await Promise.all(
          clients.map(async (c, i) => {
            try {
              await c.query("BEGIN");
              await c.query(`INSERT INTO ${table} (k, v) VALUES ($1, $2)`, [`k${round}`, `v${i}`]);
              await c.query("COMMIT");
            } catch (err) {
              if (!/duplicate key/.test((err as Error).message)) unexpected.push((err as Error).message);
              await c.query("ROLLBACK");
            }
            try {
              // a different statement text per connection, as different requests send
              const r = await c.query(`SELECT k, ${i} AS asker FROM ${table} WHERE k = $1`, [`k${round}`]);
              if (r.rows.length !== 1 || r.rows[0].asker !== i) wrong.push(`round ${round} client ${i}: ${JSON.stringify(r.rows)}`);
            } catch (err) {
              unexpected.push((err as Error).message);
            }
          }),
        );
        await Promise.all(clients.map((c) => c.end()));
      }
    } finally {
      await admin.query(`DROP TABLE ${table}`);
      await admin.end();
    }
    expect(unexpected.slice(0, 5)).toEqual([]);
    expect(wrong.slice(0, 5)).toEqual([]);
  }, 60_000);
});
