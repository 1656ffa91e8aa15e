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
  /** Inserted already leased (status running, first attempt) to this worker: handed over in memory. */
  claim?: { owner: string; leaseMs: number };
};
/** What the database set on insert. */
export interface Inserted {
  createdAt: Date;
  maxAttempts: number;
  /** The organization's rule set in force for the pool's domain (null: the defaults), read with the insert for a claimed row. */
  rulesSetId: string | null;
}
interface Waiting {
  row: Row;
  resolve: (r: Inserted) => void;
  reject: (err: unknown) => void;
}

class GroupInsert {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly db: PrismaClient) {}

  insert(row: Row): Promise<Inserted> {
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
      const rows = await this.db.$queryRaw<InsertedRow[]>(insertSql(batch.map((w) => w.row)));
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const w of batch) w.resolve(inserted(byId.get(w.row.id)!));
    } catch (err) {
      // One statement failed for the whole batch: retry each row alone, so that a row that cannot
      // be stored fails only its own request.
      if (batch.length === 1) batch[0].reject(err);
      else {
        await Promise.all(batch.map((w) => this.db.$queryRaw<InsertedRow[]>(insertSql([w.row])).then(([r]) => w.resolve(inserted(r)), w.reject)));
      }
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}

// One INSERT … VALUES (…), (…) written out rather than createMany: on this hot path Prisma's
// query compiler cost more CPU than the rest of the submission together (docs/performance.md).
// run_after and created_at come from the column defaults (the database's clock); a claimed row is
// running from the start, on its first attempt, leased like a claim (lib/worker/queue.ts claimJobs).
function insertSql(rows: Row[]) {
  const values = rows.map((r) => {
    const c = r.claim;
    const lease = c
      ? Prisma.sql`'running'::job_status, ${c.owner}::text, now() + make_interval(secs => ${c.leaseMs / 1000}), 1, now()`
      : Prisma.sql`'queued'::job_status, NULL::text, NULL::timestamptz, 0, NULL::timestamptz`;
    return Prisma.sql`(${r.id}, ${r.organizationId}, ${r.poolId}, ${r.poolVersionId}, ${r.poolKey}, ${JSON.stringify(r.profile)}::jsonb, ${r.entity}, ${r.webhookUrl ?? null}, ${r.apiKeyId ?? null}, ${r.userId ?? null}, ${r.sourceJobId ?? null}, ${r.sourceKind ?? null}, ${r.livemode ?? true}, ${lease})`;
  });
  return Prisma.sql`INSERT INTO "jobs" ("id", "organization_id", "pool_id", "pool_version_id", "pool_key", "profile", "entity", "webhook_url", "api_key_id", "user_id", "source_job_id", "source_kind", "livemode",
      "status", "lease_owner", "lease_expires_at", "attempts", "started_at")
    VALUES ${Prisma.join(values)}
    RETURNING "id", "created_at", "max_attempts",
      CASE WHEN "lease_owner" IS NOT NULL THEN (SELECT r.id FROM pools p JOIN scoring_rule_sets r ON r.domain = p.domain
        WHERE p.id = "jobs"."pool_id" AND r.organization_id = "jobs"."organization_id" ORDER BY r.version DESC LIMIT 1) END AS "rules_set_id"`;
}

interface InsertedRow {
  id: string;
  created_at: Date;
  max_attempts: number;
  rules_set_id: string | null;
}
const inserted = (r: InsertedRow): Inserted => ({ createdAt: r.created_at, maxAttempts: Number(r.max_attempts), rulesSetId: r.rules_set_id ?? null });

const byClient = new WeakMap<PrismaClient, GroupInsert>();

/** Insert one job row, committed together with whatever other submissions are waiting. */
export function insertJob(db: PrismaClient, row: Row): Promise<Inserted> {
  let g = byClient.get(db);
  if (!g) byClient.set(db, (g = new GroupInsert(db)));
  return g.insert(row);
}
