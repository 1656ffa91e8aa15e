// Generates the Prisma client into lib/generated/prisma (run by `npm install` as postinstall).
// `prisma generate` refuses to start until PRISMA_SCHEMA_ENGINE_BINARY names an existing file, and
// it would try to download one otherwise; generate itself never executes it, so any file will do.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
