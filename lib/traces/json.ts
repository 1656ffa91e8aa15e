import type { PrismaClient } from "@/lib/generated/prisma/client";
import { processCache } from "@/lib/process-cache";
import { getTrace, type Trace } from "@/lib/traces/trace";

// The trace as JSON for machines (GET /api/traces/{eval_id}). Recomputing every candidate's
// evidence costs a pool load and an explain() per candidate, so a finished job's trace — fixed for
// good: same profile, pool version, engine and the rule-set version the job recorded — is kept for
// a minute per (organization, job); and the scored candidates come in pages (`limit`, `offset`).

const cache = processCache<Trace>("traces", 60_000, 20);

export interface TracePage {
  limit: number;
  offset: number;
}

export async function tracePage(db: PrismaClient, organizationId: string, evalId: string, page: TracePage) {
  const key = `${organizationId}:${evalId}`;
  const trace = await cache.get(
    key,
    () => getTrace(db, organizationId, evalId),
    (t) => t.status === "completed" || t.status === "failed",
  );
  const scored = trace.scored.slice(page.offset, page.offset + page.limit);
  const next = page.offset + scored.length < trace.scored.length ? page.offset + scored.length : null;
  return { ...trace, scored, scored_total: trace.scored.length, scored_offset: page.offset, next_offset: next };
}
