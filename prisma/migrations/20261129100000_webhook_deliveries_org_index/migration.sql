-- GET /api/v1/webhook-deliveries and Settings → Webhooks list an organization's deliveries newest
-- first with a (created_at, id) cursor, like jobs_organization_id_created_at_id_idx for /jobs.
CREATE INDEX "webhook_deliveries_organization_id_created_at_id_idx" ON "webhook_deliveries"("organization_id", "created_at" DESC, "id" DESC);
