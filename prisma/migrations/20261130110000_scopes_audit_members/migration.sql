-- Scoped, expiring API keys. Keys made before scopes existed keep every scope ("*").
ALTER TABLE "api_keys" ADD COLUMN "scopes" TEXT[] NOT NULL DEFAULT ARRAY['*']::TEXT[];
ALTER TABLE "api_keys" ADD COLUMN "expires_at" TIMESTAMP(3);

-- Jobs made with a test key (nx_test_) are marked and listed apart from live ones.
ALTER TABLE "jobs" ADD COLUMN "livemode" BOOLEAN NOT NULL DEFAULT true;

-- A password an admin set (Settings → Members, the CLI) must be changed at first sign-in.
ALTER TABLE "users" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;

-- The organization's audit log: append-only. No foreign key (an organization's log outlives
-- nothing it could cascade from), and a trigger refuses every UPDATE and DELETE, so no code path,
-- bug or SQL injection in the application can rewrite history; only TRUNCATE by the operator can.
CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_label" TEXT NOT NULL,
    "client_address" TEXT,
    "target_type" TEXT,
    "target_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_events_organization_id_created_at_id_idx" ON "audit_events"("organization_id", "created_at" DESC, "id" DESC);

CREATE FUNCTION nexio_audit_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION nexio_audit_events_append_only();
