import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Settings } from "@/lib/settings";
import { JobLoop } from "@/lib/worker/job-loop";
import { startDeliveryLoop } from "@/lib/webhooks/delivery-loop";
import { listenForWork } from "@/lib/worker/listen";

// The one place that says what a worker process runs and how many at once: the evaluator loop
// and the webhook sender. `next start` hosts it in-process (instrumentation.ts) unless
// WORKER_IN_PROCESS=false; `npm run worker` runs it alone (scripts/worker.ts).

//
// `listenUrl` (a PostgreSQL server's URL) also LISTENs for jobs inserted by other processes; the
// embedded database has no other processes to hear from (its CLI and workers attach to the one
// that runs the web app, whose submissions wake its own loops directly).

export function startWorkers(db: PrismaClient, s: Settings, opts: { listenUrl?: string } = {}) {
  const jobs = new JobLoop(db, { concurrency: s.WORKER_CONCURRENCY, leaseMs: s.JOB_LEASE_MS }).start();
  const deliveries = startDeliveryLoop(db, {});
  const listener = opts.listenUrl ? listenForWork(opts.listenUrl, (m) => console.error(`nexio worker: ${m}`)) : null;
  return {
    owner: jobs.owner,
    async stop() {
      await listener?.stop();
      await Promise.all([jobs.stop(), deliveries.stop()]);
    },
  };
}
