-- Per-organization scoring rules: immutable versions per (organization, domain); the latest is in
-- force. Job results record which version they were evaluated with (0 = the domain's defaults).
CREATE TABLE "scoring_rule_sets" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "overrides" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,
    CONSTRAINT "scoring_rule_sets_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "scoring_rule_sets_organization_id_domain_version_key" ON "scoring_rule_sets"("organization_id", "domain", "version");
ALTER TABLE "scoring_rule_sets" ADD CONSTRAINT "scoring_rule_sets_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "job_results" ADD COLUMN "rules_version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "job_results" ADD COLUMN "rules_set_id" TEXT;
