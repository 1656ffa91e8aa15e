import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";

// Group commit for job rows. Submissions that arrive while an insert is on its way to the
// database wait for it and then go together in one multi-row INSERT, so under load the database
// sees one statement per batch instead of one per request. At low load a batch is one row and
// leaves at once (the only delay is one turn of the event loop). Every caller still awaits the
// commit of its own row before it answers 202: nothing is acknowledged that is not stored.
//
// Why not a library: batching libraries (dataloader, p-queue) would still need the same code
// around them to fall back row by row on failure; what remains is a queue and one INSERT.

const MAX_BATCH = 200;
const MAX_IN_FLIGHT = 2; // PostgreSQL overlaps two; PGlite runs them one after the other anyway

type Row = {
  id: string;
  organizationId: string;
  poolId: string;
  poolVersionId: string;
  poolKey: string;
  profile: unknown;
  entity: string;
  webhookUrl?: string | null;
  apiKeyId?: string | null;
  userId?: string | null;
  /** the job this one re-runs ("rerun") */
  sourceJobId?: string | null;
  sourceKind?: string | null;
  /** false for a test key's jobs */
  livemode?: boolean;
};
interface Waiting {
  row: Row;
  resolve: () => void;
  reject: (err: unknown) => void;
}

class GroupInsert {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly db: PrismaClient) {}

  insert(row: Row): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT || this.waiting.length === 0) return;
    this.scheduled = true;
    // setImmediate lets every request already parsed in this turn join the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush() {
    if (this.inFlight >= MAX_IN_FLIGHT || this.waiting.length === 0) return;
    const batch = this.waiting.splice(0, MAX_BATCH);
    this.inFlight++;
    try {
      await this.db.$executeRaw(insertSql(batch.map((w) => w.row)));
      for (const w of batch) w.resolve();
    } catch (err) {
      // One statement failed for the whole batch: retry each row alone, so that a row that cannot
      // be stored fails only its own request.
      if (batch.length === 1) batch[0].reject(err);
      else {
        await Promise.all(batch.map((w) => this.db.$executeRaw(insertSql([w.row])).then(() => w.resolve(), w.reject)));
      }
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}

// One INSERT … VALUES (…), (…) written out rather than createMany: on this hot path Prisma's
// query compiler cost more CPU than the rest of the submission together (docs/performance.md).
// status, attempts, run_after and created_at come from the column defaults (the database's clock).
function insertSql(rows: Row[]) {
  const values = rows.map(
    (r) =>
      Prisma.sql`(${r.id}, ${r.organizationId}, ${r.poolId}, ${r.poolVersionId}, ${r.poolKey}, ${JSON.stringify(r.profile)}::jsonb, ${r.entity}, ${r.webhookUrl ?? null}, ${r.apiKeyId ?? null}, ${r.userId ?? null}, ${r.sourceJobId ?? null}, ${r.sourceKind ?? null}, ${r.livemode ?? true})`,
  );
  return Prisma.sql`INSERT INTO "jobs" ("id", "organization_id", "pool_id", "pool_version_id", "pool_key", "profile", "entity", "webhook_url", "api_key_id", "user_id", "source_job_id", "source_kind", "livemode") VALUES ${Prisma.join(values)}`;
}

const byClient = new WeakMap<PrismaClient, GroupInsert>();

/** Insert one job row, committed together with whatever other submissions are waiting. */
export function insertJob(db: PrismaClient, row: Row): Promise<void> {
  let g = byClient.get(db);
  if (!g) byClient.set(db, (g = new GroupInsert(db)));
  return g.insert(row);
}
