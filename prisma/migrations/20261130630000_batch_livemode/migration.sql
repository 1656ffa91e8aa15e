-- A test key's batches are marked like its jobs (issue #11): false for a batch submitted with an
-- nx_test_ key; its rows' jobs carry the same livemode. Existing batches are live.
ALTER TABLE "batches" ADD COLUMN "livemode" BOOLEAN NOT NULL DEFAULT true;
