-- The organization's own market data (issue #12 item 4): GET /api/v1/markets/stats and the
-- observed-quote-rate scoring rule find an organization's `submitted` events of a period through
-- this index, then read only those entries' events (plan_events_entry_id_created_at_idx).
CREATE INDEX "plan_events_organization_id_to_status_created_at_idx" ON "plan_events"("organization_id", "to_status", "created_at");
