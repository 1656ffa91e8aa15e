import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file: the Prisma CLI cannot migrate here (its schema engine is
// downloaded at run time, and these machines are offline), so migrations are committed SQL files
// applied by lib/db/migrate.ts. The URL is a placeholder because generate never connects.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
