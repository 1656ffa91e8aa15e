-- "What changed" (issue 13): jobs link to the job they came from (an edit-and-re-run or a
-- re-check), re-checks of past results with their material-change verdicts, webhook deliveries of
-- events other than a job's own result, per-organization re-check window, and saved views.
ALTER TABLE "jobs" ADD COLUMN "source_job_id" TEXT;
ALTER TABLE "jobs" ADD COLUMN "source_kind" TEXT;
CREATE INDEX "jobs_source_job_id_idx" ON "jobs"("source_job_id");
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_source_job_id_fkey" FOREIGN KEY ("source_job_id") REFERENCES "jobs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "organizations" ADD COLUMN "recheck_days" INTEGER NOT NULL DEFAULT 30;

ALTER TABLE "webhook_deliveries" ADD COLUMN "event" TEXT NOT NULL DEFAULT 'evaluation.result';
ALTER TABLE "webhook_deliveries" ADD COLUMN "payload" JSONB;

CREATE TABLE "rechecks" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "pool_id" TEXT,
    "pool_version" INTEGER,
    "rules_version" INTEGER,
    "since" TIMESTAMP(3) NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "rechecks_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "rechecks_organization_id_created_at_idx" ON "rechecks"("organization_id", "created_at" DESC);
ALTER TABLE "rechecks" ADD CONSTRAINT "rechecks_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "recheck_items" (
    "id" TEXT NOT NULL,
    "recheck_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "original_job_id" TEXT NOT NULL,
    "baseline_job_id" TEXT NOT NULL,
    "job_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "material" BOOLEAN,
    "summary" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "compared_at" TIMESTAMP(3),
    CONSTRAINT "recheck_items_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "recheck_items_status_created_at_idx" ON "recheck_items"("status", "created_at");
CREATE INDEX "recheck_items_original_job_id_idx" ON "recheck_items"("original_job_id");
CREATE UNIQUE INDEX "recheck_items_job_id_key" ON "recheck_items"("job_id");
ALTER TABLE "recheck_items" ADD CONSTRAINT "recheck_items_recheck_id_fkey" FOREIGN KEY ("recheck_id") REFERENCES "rechecks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "recheck_items" ADD CONSTRAINT "recheck_items_original_job_id_fkey" FOREIGN KEY ("original_job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "recheck_items" ADD CONSTRAINT "recheck_items_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "saved_views" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "page" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "eval_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "saved_views_organization_id_user_id_page_name_key" ON "saved_views"("organization_id", "user_id", "page", "name");
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
