import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrisma, databaseUrl } from "@/lib/db/client";
import { BULK_APPLICATION_NAME } from "@/lib/db/pglite-queue";
import type { Settings } from "@/lib/settings";
import { JobLoop } from "@/lib/worker/job-loop";
import { EngineThreads } from "@/lib/worker/engine-threads";
import { startDeliveryLoop } from "@/lib/webhooks/delivery-loop";
import { startRecheckLoop } from "@/lib/recheck/runner";

// The one place that says what a worker process runs and how many at once: the evaluator loop
// the webhook sender and the re-check runner. `next start` hosts it in-process (instrumentation.ts) unless
// WORKER_IN_PROCESS=false; `npm run worker` runs it alone (scripts/worker.ts). On PostgreSQL,
// lib/notifications.ts wakes the loops when another process inserts jobs.

export function startWorkers(db: PrismaClient, s: Settings) {
  // The batch lane's own two connections, named so that the embedded database runs other
  // connections' statements first (lib/db/pglite-queue.ts); on PostgreSQL the name only labels them.
  const url = new URL(databaseUrl());
  url.searchParams.set("application_name", BULK_APPLICATION_NAME);
  const bulkDb = createPrisma(url.toString(), 2);
  const threads = s.ENGINE_THREADS > 0 ? new EngineThreads(s.ENGINE_THREADS) : undefined;
  const jobs = new JobLoop(db, { concurrency: s.WORKER_CONCURRENCY, leaseMs: s.JOB_LEASE_MS, bulkDb, threads, takeLocal: true }).start();
  const deliveries = startDeliveryLoop(db, {});
  // 0 turns re-checks off in this process (another process may run them).
  const rechecks = s.RECHECK_MAX_OUTSTANDING > 0 ? startRecheckLoop(db, { maxOutstanding: s.RECHECK_MAX_OUTSTANDING }) : null;
  return {
    owner: jobs.owner,
    async stop() {
      await Promise.all([jobs.stop(), deliveries.stop(), rechecks?.stop()]);
      await Promise.all([bulkDb.$disconnect(), threads?.close()]);
    },
  };
}
