import { csvCell } from "@/lib/csv";
import zlib from "node:zlib";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { invalid, notFound } from "@/lib/errors";
import type { EvaluationResult } from "@/lib/engine/types";
import { settings } from "@/lib/settings";
import type { BatchReport, BatchResponse, BatchResultRow, BatchResultsQuery } from "@/lib/batches/schemas";

// Reading batches. Every query names the organization: another organization's batch is not found.

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const auditUrl = (evalId: string) => `${settings().baseUrl}/traces/${evalId}`;
export const resultsUrl = (batchId: string) => `${settings().baseUrl}/api/v1/batches/${batchId}/results`;

const batchSelect = {
  id: true,
  poolKey: true,
  webhookUrl: true,
  jobWebhooks: true,
  total: true,
  skipped: true,
  finished: true,
  failed: true,
  report: true,
  createdAt: true,
  completedAt: true,
  livemode: true,
  poolVersion: { select: { version: true } },
} as const;

type BatchRow = {
  id: string;
  poolKey: string;
  webhookUrl: string | null;
  jobWebhooks: boolean;
  total: number;
  skipped: number;
  finished: number;
  failed: number;
  report: unknown;
  createdAt: Date;
  completedAt: Date | null;
  livemode: boolean;
  poolVersion: { version: number };
};

function view(b: BatchRow, counts: BatchResponse["counts"]): BatchResponse {
  return {
    batch_id: b.id,
    status: b.completedAt ? "completed" : "running",
    pool: b.poolKey,
    pool_version: b.poolVersion.version,
    total: b.total,
    skipped: b.skipped,
    counts,
    progress: b.total === 0 ? 1 : Math.min(1, (counts.completed + counts.failed) / b.total),
    webhook_url: b.webhookUrl,
    job_webhooks: b.jobWebhooks,
    report: b.report as BatchReport,
    created_at: b.createdAt.toISOString(),
    completed_at: iso(b.completedAt),
    results_url: resultsUrl(b.id),
    livemode: b.livemode,
  };
}

/**
 * Counts by status: the finished ones from the batch's counters, queued/running from the jobs.
 * Running rows are counted through the claim index (status, organization_id, …), which holds only
 * the organization's few running jobs, not through the batch's thousands of rows.
 */
async function counts(db: PrismaClient, organizationId: string, b: BatchRow): Promise<BatchResponse["counts"]> {
  const completed = b.finished - b.failed;
  if (b.completedAt) return { queued: 0, running: 0, completed, failed: b.failed };
  const running = await db.job.count({ where: { status: "running", organizationId, batchId: b.id } });
  return { queued: Math.max(0, b.total - b.finished - running), running, completed, failed: b.failed };
}

export async function getBatch(db: PrismaClient, organizationId: string, batchId: string): Promise<BatchResponse> {
  const b = await db.batch.findFirst({ where: { id: batchId, organizationId }, select: batchSelect });
  if (!b) throw notFound("Batch");
  return view(b, await counts(db, organizationId, b));
}

/** The organization's batches, newest first; live or test ones (like jobs: a key sees its own mode's, people live unless mode=test). */
export async function listBatches(db: PrismaClient, organizationId: string, q: { limit: number; starting_after?: string; mode?: "live" | "test" }) {
  let cursorWhere = {};
  if (q.starting_after) {
    const cursor = await db.batch.findFirst({ where: { id: q.starting_after, organizationId }, select: { id: true, createdAt: true } });
    if (!cursor)
      throw invalid(`starting_after: no batch ${q.starting_after}`, [{ path: "starting_after", code: "invalid_cursor", message: "unknown batch id" }]);
    cursorWhere = { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] };
  }
  const rows = await db.batch.findMany({
    where: { organizationId, livemode: q.mode !== "test", ...cursorWhere },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: batchSelect,
  });
  const data = [];
  for (const b of rows.slice(0, q.limit)) {
    const { report: _, ...rest } = view(b, await counts(db, organizationId, b));
    data.push(rest);
  }
  return { data, has_more: rows.length > q.limit };
}

const PAGE = 250;
const TIER_ORDER = { STRONG_FIT: 0, MODERATE_FIT: 1, WEAK_FIT: 2 } as const;

/** One row of the results: the job and, once completed, its top N carriers and tier mix. */
function resultRow(
  job: { id: string; batchRow: number | null; status: string; entity: string; profile: unknown; errorCode: string | null; errorMessage: string | null },
  result: EvaluationResult | null,
  top: number,
): BatchResultRow {
  const tiers = result ? { STRONG_FIT: 0, MODERATE_FIT: 0, WEAK_FIT: 0 } : null;
  if (result && tiers) for (const c of result.candidates) tiers[c.tier]++;
  return {
    row: job.batchRow ?? 0,
    eval_id: job.id,
    status: job.status as BatchResultRow["status"],
    entity: job.entity,
    profile: job.profile as Record<string, unknown>,
    filtered: result ? result.filtered : null,
    tiers,
    top: result
      ? [...result.candidates]
          .sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || b.score - a.score)
          .slice(0, top)
          .map((c) => ({ id: c.id, name: c.name, tier: c.tier, confidence: c.confidence, score: c.score, scores: c.scores, reasoning: c.reasoning }))
      : [],
    error: job.status === "failed" ? { code: job.errorCode ?? "evaluation_failed", message: job.errorMessage ?? "The evaluation failed" } : null,
    audit: auditUrl(job.id),
  };
}

/** The batch's rows in upload order, a page at a time (never the whole batch in memory). */
export async function* batchResultRows(db: PrismaClient, batchId: string, top: number): AsyncGenerator<BatchResultRow> {
  let after = 0;
  for (;;) {
    const jobs = await db.job.findMany({
      where: { batchId, batchRow: { gt: after } },
      orderBy: { batchRow: "asc" },
      take: PAGE,
      select: {
        id: true,
        batchRow: true,
        status: true,
        entity: true,
        profile: true,
        errorCode: true,
        errorMessage: true,
        result: { select: { result: true } },
      },
    });
    for (const j of jobs) {
      const result = j.status === "completed" && j.result ? (JSON.parse(zlib.gunzipSync(j.result.result).toString("utf8")) as EvaluationResult) : null;
      yield resultRow(j, result, top);
    }
    if (jobs.length < PAGE) return;
    after = jobs[jobs.length - 1].batchRow ?? after;
  }
}

export { csvCell };

function csvHeader(top: number) {
  const cols = ["row", "eval_id", "status", "entity", "filtered", "strong_fit", "moderate_fit", "weak_fit", "error_code", "audit"];
  for (let i = 1; i <= top; i++)
    cols.push(
      `carrier_${i}_id`,
      `carrier_${i}_name`,
      `carrier_${i}_tier`,
      `carrier_${i}_confidence`,
      `carrier_${i}_score`,
      `carrier_${i}_levels`,
      `carrier_${i}_reasoning`,
    );
  return cols.join(",") + "\n";
}

function csvLine(r: BatchResultRow, top: number) {
  const cells: unknown[] = [
    r.row,
    r.eval_id,
    r.status,
    r.entity,
    r.filtered,
    r.tiers?.STRONG_FIT,
    r.tiers?.MODERATE_FIT,
    r.tiers?.WEAK_FIT,
    r.error?.code,
    r.audit,
  ];
  for (let i = 0; i < top; i++) {
    const c = r.top[i];
    cells.push(
      c?.id,
      c?.name,
      c?.tier,
      c?.confidence,
      c?.score,
      c
        ? Object.entries(c.scores)
            .map(([d, l]) => `${d}=${l}`)
            .join(";")
        : "",
      c?.reasoning,
    );
  }
  return cells.map((c) => csvCell(c)).join(",") + "\n";
}

/**
 * GET /api/v1/batches/{id}/results: streamed as it is read from the database, a page of rows at
 * a time; a batch still running lists its unfinished rows with their status and no carriers.
 */
export async function batchResultsStream(db: PrismaClient, organizationId: string, batchId: string, q: BatchResultsQuery) {
  const b = await db.batch.findFirst({ where: { id: batchId, organizationId }, select: { id: true } });
  if (!b) throw notFound("Batch");
  const rows = batchResultRows(db, b.id, q.top);
  const enc = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (q.format === "csv" && !headerSent) {
        headerSent = true;
        controller.enqueue(enc.encode(csvHeader(q.top)));
      }
      // About a page per pull: the consumer's pace sets how fast the database is read.
      let out = "";
      for (let i = 0; i < PAGE; i++) {
        const next = await rows.next();
        if (next.done) {
          if (out) controller.enqueue(enc.encode(out));
          controller.close();
          return;
        }
        out += q.format === "csv" ? csvLine(next.value, q.top) : JSON.stringify(next.value) + "\n";
      }
      controller.enqueue(enc.encode(out));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}
