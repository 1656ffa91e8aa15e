-- The re-check runner serves organizations in turn: it finds the next organization with a pending
-- item after the one served last, and that organization's oldest pending item, by index.
CREATE INDEX "recheck_items_status_organization_id_created_at_idx" ON "recheck_items"("status", "organization_id", "created_at");
