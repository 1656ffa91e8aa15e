import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";

// Applies prisma/migrations/*/migration.sql in order, once each, recording them in
// nexio_migrations. Prisma's own `migrate deploy` needs a schema-engine binary that cannot be
// downloaded on these machines (STACK-NOTES), so this small runner does the same job for
// PGlite and PostgreSQL alike. A changed, already-applied file is an error, not a silent skip.

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export interface MigrationReport {
  applied: string[];
  skipped: string[];
}

export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    // Two processes starting together must not both apply a migration, nor both create the
    // bookkeeping table: CREATE TABLE IF NOT EXISTS is not safe against a concurrent one (the
    // loser fails on pg_type's unique index), so the lock comes first.
    await client.query("SELECT pg_advisory_lock(727274)");
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS nexio_migrations (
           name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
      );
      const done = new Map<string, string>((await client.query("SELECT name, checksum FROM nexio_migrations")).rows.map((r) => [r.name, r.checksum]));
      const report: MigrationReport = { applied: [], skipped: [] };
      const names = fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
      for (const name of names) {
        const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
        const checksum = crypto.createHash("sha256").update(sql).digest("hex");
        const previous = done.get(name);
        if (previous) {
          if (previous !== checksum) throw new Error(`Migration ${name} was changed after it was applied`);
          report.skipped.push(name);
          continue;
        }
        await client.query("BEGIN");
        try {
          await client.query(sql);
          await client.query("INSERT INTO nexio_migrations (name, checksum) VALUES ($1, $2)", [name, checksum]);
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK");
          throw new Error(`Migration ${name} failed: ${(err as Error).message}`);
        }
        report.applied.push(name);
      }
      return report;
    } finally {
      await client.query("SELECT pg_advisory_unlock(727274)");
    }
  } finally {
    await client.end();
  }
}
