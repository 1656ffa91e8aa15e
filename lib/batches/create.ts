import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { IdempotencyConflictError, invalid, type ErrorDetail } from "@/lib/errors";
import { getDomain } from "@/lib/engine";
import { findUsablePool } from "@/lib/pools/pools";
import { checkWebhookUrlAtSubmission } from "@/lib/webhooks/ssrf";
import { newEvalId, randomBase62, newId } from "@/lib/ids";
import { settings } from "@/lib/settings";
import type { Principal } from "@/lib/auth/principal";
import { IDEMPOTENCY_TTL_MS, type IdempotencyScope } from "@/lib/jobs/submit";
import { JOB_PRIORITY } from "@/lib/worker/queue";
import { parseBatchFile } from "@/lib/batches/parse";
import { getBatch } from "@/lib/batches/read";
import type { BatchFileFormat, BatchReport, BatchResponse, CreateBatchQuery } from "@/lib/batches/schemas";

// Submitting a batch: check the query (pool, webhook_url) before reading a byte of the file, read
// and validate every row as the file streams in, then store the batch and one job per accepted
// row in one transaction (with the Idempotency-Key record), and answer 202. Rows are ordinary
// jobs at batch priority: single jobs submitted meanwhile are claimed first.

const INSERT_CHUNK = 1_000;

export const newBatchId = () => `batch_${randomBase62(16)}`;

export interface BatchSubmitted {
  body: BatchResponse;
  replayed: boolean;
}

export async function createBatch(
  db: PrismaClient,
  who: Principal,
  query: CreateBatchQuery,
  file: { format: BatchFileFormat; body: ReadableStream<Uint8Array> | null },
  idempotencyKey: string | null,
): Promise<BatchSubmitted> {
  if (idempotencyKey !== null && (idempotencyKey.length < 1 || idempotencyKey.length > 255 || !/^[\x21-\x7e]+$/.test(idempotencyKey))) {
    throw invalid("Idempotency-Key must be 1–255 visible ASCII characters", [
      { path: "headers.idempotency-key", code: "invalid_string", message: "1–255 visible ASCII characters" },
    ]);
  }
  const details: ErrorDetail[] = [];
  const pool = await findUsablePool(db, who.organizationId, query.pool);
  if (!pool) details.push({ path: "pool", code: "unknown_pool", message: `Unknown pool: ${query.pool}` });
  let webhookUrl: string | null = null;
  if (query.webhook_url !== undefined) {
    const check = await checkWebhookUrlAtSubmission(query.webhook_url, { allowPrivate: settings().WEBHOOK_ALLOW_PRIVATE });
    if (check.ok) webhookUrl = check.url.toString();
    else details.push({ path: "webhook_url", code: check.code, message: `Invalid webhook_url: ${check.reason}` });
  }
  if (query.job_webhooks && query.webhook_url === undefined) {
    details.push({ path: "job_webhooks", code: "requires_webhook_url", message: "job_webhooks=true needs a webhook_url" });
  }
  if (details.length > 0 || !pool) throw invalid(details[0].message, details);
  const domain = getDomain(pool.domain);
  if (!domain) throw new Error(`pool ${pool.key} has unknown domain ${pool.domain}`);

  // The request, for Idempotency-Key: the query that shapes it and every byte of the file.
  const salt = JSON.stringify([file.format, query.pool, query.webhook_url ?? null, !!query.job_webhooks, !!query.skip_invalid]);
  const parsed = await parseBatchFile(domain.profileSchema, file.format, file.body, salt);

  // A test key's batch and every row's job are marked, like its single jobs (lib/jobs/submit.ts);
  // its Idempotency-Keys are its own.
  const livemode = who.keyMode !== "test";
  const scope = { organizationId: who.organizationId, livemode };
  if (idempotencyKey) {
    const replay = await findIdempotentBatch(db, scope, idempotencyKey, parsed.bodyHash);
    if (replay) return replay;
  }
  if (parsed.report.invalid > 0 && !query.skip_invalid) throw reportError(parsed.report);
  if (parsed.rows.length === 0) {
    throw invalid(`All ${parsed.report.rows} rows are invalid; nothing was stored`, reportDetails(parsed.report));
  }

  const batchId = newBatchId();
  const priority = JOB_PRIORITY.batch;
  const jobWebhook = query.job_webhooks ? webhookUrl : null;
  try {
    await db.$transaction(
      async (tx) => {
        await tx.batch.create({
          data: {
            id: batchId,
            organizationId: who.organizationId,
            poolId: pool.id,
            poolVersionId: pool.currentVersionId,
            poolKey: pool.key,
            webhookUrl,
            jobWebhooks: !!query.job_webhooks,
            total: parsed.rows.length,
            skipped: parsed.report.invalid,
            report: parsed.report as unknown as Prisma.InputJsonValue,
            apiKeyId: who.apiKeyId ?? null,
            userId: who.userId ?? null,
            livemode,
          },
        });
        for (let i = 0; i < parsed.rows.length; i += INSERT_CHUNK) {
          const values = parsed.rows
            .slice(i, i + INSERT_CHUNK)
            .map(
              (r) =>
                Prisma.sql`(${newEvalId()}, ${who.organizationId}, ${pool.id}, ${pool.currentVersionId}, ${pool.key}, ${JSON.stringify(r.profile)}::jsonb, ${String(r.profile.entity ?? "")}, ${jobWebhook}, ${who.apiKeyId ?? null}, ${who.userId ?? null}, ${priority}, ${batchId}, ${r.row}, ${livemode})`,
            );
          await tx.$executeRaw`INSERT INTO "jobs" ("id", "organization_id", "pool_id", "pool_version_id", "pool_key", "profile", "entity", "webhook_url", "api_key_id", "user_id", "priority", "batch_id", "batch_row", "livemode") VALUES ${Prisma.join(values)}`;
        }
        if (idempotencyKey) {
          await tx.idempotencyRecord.create({
            data: {
              id: newId("idem"),
              organizationId: who.organizationId,
              livemode,
              key: idempotencyKey,
              requestHash: parsed.bodyHash,
              status: 202,
              body: { batch_id: batchId },
              expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS),
            },
          });
        }
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (err) {
    // A concurrent request with the same key won: ours rolled back whole.
    if (idempotencyKey && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const replay = await findIdempotentBatch(db, scope, idempotencyKey, parsed.bodyHash);
      if (replay) return replay;
    }
    throw err;
  }
  return { body: await getBatch(db, who.organizationId, batchId), replayed: false };
}

async function findIdempotentBatch(db: PrismaClient, scope: IdempotencyScope, key: string, requestHash: string): Promise<BatchSubmitted | null> {
  const rec = await db.idempotencyRecord.findUnique({ where: { organizationId_livemode_key: { ...scope, key } } });
  if (!rec) return null;
  if (rec.expiresAt.getTime() <= Date.now()) {
    await db.idempotencyRecord.deleteMany({ where: { id: rec.id } });
    return null;
  }
  const batchId = (rec.body as { batch_id?: unknown }).batch_id;
  if (rec.requestHash !== requestHash || typeof batchId !== "string") {
    throw new IdempotencyConflictError("This Idempotency-Key was already used with a different request");
  }
  return { body: await getBatch(db, scope.organizationId, batchId), replayed: true };
}

function reportDetails(report: BatchReport): ErrorDetail[] {
  const details = [...report.details];
  if (report.omitted > 0) details.push({ path: "rows", code: "too_many_problems", message: `${report.omitted} more problems not listed` });
  return details;
}

/** Every problem of a file with invalid rows as one 400; nothing was stored. */
function reportError(report: BatchReport) {
  const summary = `${report.invalid} of ${report.rows} rows are invalid; nothing was stored (add skip_invalid=true to accept the valid rows)`;
  return invalid(report.details[0] ? `${summary}. ${report.details[0].message}` : summary, reportDetails(report));
}
