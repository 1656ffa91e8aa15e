import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDomain } from "@/lib/engine";
import { IdempotencyConflictError, fromZodIssues, invalid, type ErrorDetail } from "@/lib/errors";
import { CreateJobBody } from "@/lib/jobs/schemas";
import { findUsablePool } from "@/lib/pools/pools";
import { insertJob } from "@/lib/jobs/group-insert";
import { checkWebhookUrlAtSubmission } from "@/lib/webhooks/ssrf";
import { EVAL_ID_PATTERN, newEvalId, newId, sha256Hex } from "@/lib/ids";
import { stableStringify } from "@/lib/engine/rules";
import type { Principal } from "@/lib/auth/principal";
import { settings } from "@/lib/settings";
import { localTaker } from "@/lib/wake";

// Submitting an evaluation: validate everything first (nothing is written for a bad body), then
// commit the job row (and the Idempotency-Key record in the same transaction) before answering.
// Rows without an Idempotency-Key are group-committed with concurrent submissions (group-insert.ts).

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

export interface Submitted {
  status: 202;
  body: { eval_id: string; status: "queued" };
  replayed: boolean;
}

export async function submitJob(db: PrismaClient, who: Principal, raw: unknown, idempotencyKey: string | null): Promise<Submitted> {
  if (idempotencyKey !== null && (idempotencyKey.length < 1 || idempotencyKey.length > 255 || !/^[\x21-\x7e]+$/.test(idempotencyKey))) {
    throw invalid("Idempotency-Key must be 1–255 visible ASCII characters", [
      { path: "headers.idempotency-key", code: "invalid_string", message: "1–255 visible ASCII characters" },
    ]);
  }
  const requestHash = idempotencyKey ? sha256Hex(stableStringify(raw)) : "";
  // A test key's jobs are marked, and listed apart from live ones; its Idempotency-Keys are its own.
  const livemode = who.keyMode !== "test";
  const scope = { organizationId: who.organizationId, livemode };
  if (idempotencyKey) {
    const replay = await findIdempotent(db, scope, idempotencyKey, requestHash);
    if (replay) return replay;
  }

  const job = await validate(db, who, raw);
  const evalId = newEvalId();
  const body = { eval_id: evalId, status: "queued" as const };
  const row = {
    id: evalId,
    organizationId: who.organizationId,
    poolId: job.pool.id,
    poolVersionId: job.pool.currentVersionId,
    poolKey: job.pool.key,
    profile: job.profile as Prisma.InputJsonValue,
    entity: String(job.profile.entity ?? ""),
    webhookUrl: job.webhookUrl ?? null,
    apiKeyId: who.apiKeyId ?? null,
    userId: who.userId ?? null,
    ...(job.rerunOf ? { sourceJobId: job.rerunOf, sourceKind: "rerun" } : {}),
    livemode,
  };
  if (!idempotencyKey) {
    // This process's evaluator has room: the job goes in already leased to it and is handed over
    // in memory, without a claim (lib/wake.ts LocalTaker). With no evaluator here (another process
    // evaluates) or no room, it is queued for whichever worker claims it.
    const taker = localTaker();
    const claim = taker?.hasRoom() ? { owner: taker.owner, leaseMs: taker.leaseMs } : undefined;
    const ins = await insertJob(db, claim ? { ...row, claim } : row);
    if (claim && taker)
      taker.take({
        id: evalId,
        organizationId: row.organizationId,
        poolVersionId: row.poolVersionId,
        poolKey: row.poolKey,
        profile: row.profile,
        webhookUrl: row.webhookUrl,
        createdAt: ins.createdAt,
        maxAttempts: ins.maxAttempts,
        rulesSetId: ins.rulesSetId,
      });
    return { status: 202, body, replayed: false };
  }
  try {
    await db.$transaction([
      db.job.create({ data: row, select: { id: true } }),
      db.idempotencyRecord.create({
        data: {
          id: newId("idem"),
          organizationId: who.organizationId,
          livemode,
          key: idempotencyKey,
          requestHash,
          status: 202,
          body,
          expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS),
        },
      }),
    ]);
    return { status: 202, body, replayed: false };
  } catch (err) {
    // A concurrent request with the same key won the insert: our job rolled back with it.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const replay = await findIdempotent(db, scope, idempotencyKey, requestHash);
      if (replay) return replay;
    }
    throw err;
  }
}

/**
 * Housekeeping: delete Idempotency-Key records past their 24 h, at most `limit` per call (the
 * worker calls it every few minutes). An expired record already counts as absent on lookup;
 * this only keeps the table from growing forever.
 */
export async function purgeExpiredIdempotency(db: PrismaClient, limit = 5_000): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "idempotency_records" WHERE "id" IN (
      SELECT "id" FROM "idempotency_records" WHERE "expires_at" < now() LIMIT ${limit} FOR UPDATE SKIP LOCKED)`;
}

/** Where an Idempotency-Key is looked up: the organization and the mode (a test key never replays a live key's job, nor the reverse). */
export interface IdempotencyScope {
  organizationId: string;
  livemode: boolean;
}

async function findIdempotent(db: PrismaClient, scope: IdempotencyScope, key: string, requestHash: string): Promise<Submitted | null> {
  const rec = await db.idempotencyRecord.findUnique({ where: { organizationId_livemode_key: { ...scope, key } } });
  if (!rec) return null;
  if (rec.expiresAt.getTime() <= Date.now()) {
    await db.idempotencyRecord.deleteMany({ where: { id: rec.id } });
    return null;
  }
  if (rec.requestHash !== requestHash) {
    throw new IdempotencyConflictError("This Idempotency-Key was already used with a different request body");
  }
  return { status: 202, body: rec.body as Submitted["body"], replayed: true };
}

async function validate(db: PrismaClient, who: Principal, raw: unknown) {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw invalid("Request body must be a JSON object", [{ path: "", code: "invalid_type", message: "expected an object" }]);
  }
  const details: ErrorDetail[] = [];
  const envelope = CreateJobBody.safeParse(raw);
  if (!envelope.success) details.push(...fromZodIssues(envelope.error.issues).details);

  const input = raw as Record<string, unknown>;
  const poolKey = typeof input.pool === "string" ? input.pool : null;
  const pool = poolKey ? await findUsablePool(db, who.organizationId, poolKey) : null;
  if (poolKey && !pool) details.push({ path: "pool", code: "unknown_pool", message: `Unknown pool: ${poolKey}` });

  // The profile is checked whenever it can be, even if the envelope has other problems, so that
  // `details` lists every problem at once.
  let profile: Record<string, unknown> | undefined;
  const profileIsObject = typeof input.profile === "object" && input.profile !== null && !Array.isArray(input.profile);
  if (pool && profileIsObject) {
    const domain = getDomain(pool.domain);
    if (!domain) throw new Error(`pool ${pool.key} has unknown domain ${pool.domain}`);
    const parsed = domain.profileSchema.safeParse(input.profile);
    if (parsed.success) profile = parsed.data as Record<string, unknown>;
    else details.push(...fromZodIssues(parsed.error.issues, ["profile"]).details);
    // Checks against the submission time (an effective date more than the grace period in the past).
    const late = profile && domain.checkAtSubmission ? domain.checkAtSubmission(profile, new Date().toISOString()) : [];
    for (const d of late) details.push({ ...d, path: `profile.${d.path}` });
  }

  let webhookUrl: string | undefined;
  if (typeof input.webhook_url === "string") {
    const check = await checkWebhookUrlAtSubmission(input.webhook_url, { allowPrivate: settings().WEBHOOK_ALLOW_PRIVATE });
    if (check.ok) webhookUrl = check.url.toString();
    else details.push({ path: "webhook_url", code: check.code, message: `Invalid webhook_url: ${check.reason}` });
  }

  // "Edit and re-run": the job it re-runs must be one of this organization's.
  let rerunOf: string | undefined;
  if (typeof input.rerun_of === "string") {
    const source = EVAL_ID_PATTERN.test(input.rerun_of)
      ? await db.job.findFirst({ where: { id: input.rerun_of, organizationId: who.organizationId }, select: { id: true } })
      : null;
    if (source) rerunOf = source.id;
    else details.push({ path: "rerun_of", code: "not_found", message: `Unknown evaluation: rerun_of ${input.rerun_of}` });
  }

  if (details.length > 0 || !envelope.success || !pool || !profile) throw invalid(details[0]?.message ?? "Invalid request", details);
  return { pool, profile, webhookUrl, rerunOf };
}
