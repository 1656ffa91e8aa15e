-- What start-up has seeded once, so that it never does it again (a deleted demo user stays deleted).
CREATE TABLE "seed_marks" (
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "seed_marks_pkey" PRIMARY KEY ("name")
);
