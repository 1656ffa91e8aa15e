-- Issue #12 items 3 and 5.
-- Share links open either an audit trace (every link made before) or a plan's marketing summary.
ALTER TABLE "share_links" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'trace';

-- The broker's recommended market for the client's marketing summary (lib/plan keeps one per job).
ALTER TABLE "plan_entries" ADD COLUMN "recommended" BOOLEAN NOT NULL DEFAULT false;

-- Stale data to re-verify: the carriers each completed evaluation ranked in its top places, read
-- once from the gzipped result by lib/stale. A marker per job (also for a job with no candidate).
CREATE TABLE "result_top_index" (
    "job_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "pool_id" TEXT NOT NULL,
    "completed_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "result_top_index_pkey" PRIMARY KEY ("job_id")
);
CREATE INDEX "result_top_index_organization_id_pool_id_completed_at_idx" ON "result_top_index"("organization_id", "pool_id", "completed_at");
ALTER TABLE "result_top_index" ADD CONSTRAINT "result_top_index_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "result_top_carriers" (
    "job_id" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "carrier_id" TEXT NOT NULL,
    CONSTRAINT "result_top_carriers_pkey" PRIMARY KEY ("job_id", "rank")
);
ALTER TABLE "result_top_carriers" ADD CONSTRAINT "result_top_carriers_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "result_top_index"("job_id") ON DELETE CASCADE ON UPDATE CASCADE;
