-- Market plan (issue #12): the carriers an underwriter approaches for one evaluation, each with
-- its current status, and an append-only log of every change (who, when, from → to, quote or
-- declination). plan_entries.status is the latest event's to_status; nothing is overwritten.
CREATE TYPE "plan_status" AS ENUM ('planned', 'submitted', 'quoted', 'declined', 'no_response', 'bound', 'withdrawn');

CREATE TABLE "plan_entries" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "carrier_id" TEXT NOT NULL,
    "carrier_name" TEXT NOT NULL,
    "market" TEXT,
    "sl_declinations_required" INTEGER,
    "position" INTEGER NOT NULL,
    "responsible" TEXT,
    "target_date" TEXT,
    "status" "plan_status" NOT NULL DEFAULT 'planned',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "plan_entries_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "plan_entries_job_id_carrier_id_key" ON "plan_entries"("job_id", "carrier_id");
CREATE INDEX "plan_entries_organization_id_idx" ON "plan_entries"("organization_id");
ALTER TABLE "plan_entries" ADD CONSTRAINT "plan_entries_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_entries" ADD CONSTRAINT "plan_entries_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "plan_events" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "entry_id" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "carrier_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "from_status" "plan_status",
    "to_status" "plan_status" NOT NULL,
    "premium" DOUBLE PRECISION,
    "limit_amount" DOUBLE PRECISION,
    "retention" DOUBLE PRECISION,
    "quote_expiry" TEXT,
    "decline_reason" TEXT,
    "decline_text" TEXT,
    "note" TEXT,
    "changes" JSONB,
    CONSTRAINT "plan_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "plan_events_entry_id_created_at_idx" ON "plan_events"("entry_id", "created_at");
CREATE INDEX "plan_events_job_id_idx" ON "plan_events"("job_id");
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "plan_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- plan.updated webhooks use webhook_deliveries.event/payload (added by 20261130200000_compare_recheck_views).
