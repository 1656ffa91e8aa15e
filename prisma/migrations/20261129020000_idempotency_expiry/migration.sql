-- Expired Idempotency-Key records are deleted by the worker's housekeeping (lib/jobs/submit.ts
-- purgeExpiredIdempotency); this index keeps that delete from scanning the table.
CREATE INDEX "idempotency_records_expires_at_idx" ON "idempotency_records"("expires_at");
