-- Idempotency-Keys are scoped to the organization AND the mode: a test key (nx_test_) never gets
-- a live key's job or batch back for the same key and body, nor the reverse. Existing records
-- were made by either; they are treated as live (they expire within 24 h anyway).
ALTER TABLE "idempotency_records" ADD COLUMN "livemode" BOOLEAN NOT NULL DEFAULT true;
DROP INDEX "idempotency_records_organization_id_key_key";
CREATE UNIQUE INDEX "idempotency_records_organization_id_livemode_key_key" ON "idempotency_records"("organization_id", "livemode", "key");
