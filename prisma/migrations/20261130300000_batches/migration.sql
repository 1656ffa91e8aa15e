-- Batches (issue #14): one upload of many profiles, each row an ordinary job linked to it.
-- Jobs get a claim priority (0 interactive, 5 batch rows, 9 background) and the claim query's
-- index: (status, organization_id, priority, run_after, created_at) serves both the skip scan
-- over organizations with queued work and each organization's next jobs in order.
CREATE TABLE "batches" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "pool_id" TEXT NOT NULL,
    "pool_version_id" TEXT NOT NULL,
    "pool_key" TEXT NOT NULL,
    "webhook_url" TEXT,
    "job_webhooks" BOOLEAN NOT NULL DEFAULT false,
    "total" INTEGER NOT NULL,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "finished" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB NOT NULL,
    "api_key_id" TEXT,
    "user_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),
    CONSTRAINT "batches_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "batches_organization_id_created_at_id_idx" ON "batches"("organization_id", "created_at" DESC, "id" DESC);
ALTER TABLE "batches" ADD CONSTRAINT "batches_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "batches" ADD CONSTRAINT "batches_pool_id_fkey" FOREIGN KEY ("pool_id") REFERENCES "pools"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "batches" ADD CONSTRAINT "batches_pool_version_id_fkey" FOREIGN KEY ("pool_version_id") REFERENCES "pool_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "jobs" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "jobs" ADD COLUMN "batch_id" TEXT;
ALTER TABLE "jobs" ADD COLUMN "batch_row" INTEGER;
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "jobs_batch_id_batch_row_idx" ON "jobs"("batch_id", "batch_row");
CREATE INDEX "jobs_status_organization_id_priority_run_after_created_at_idx" ON "jobs"("status", "organization_id", "priority", "run_after", "created_at");

-- The batch-completed webhook is a delivery of the batch, not of a job.
ALTER TABLE "webhook_deliveries" ALTER COLUMN "job_id" DROP NOT NULL;
ALTER TABLE "webhook_deliveries" ADD COLUMN "batch_id" TEXT;
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "webhook_deliveries_batch_id_idx" ON "webhook_deliveries"("batch_id");
