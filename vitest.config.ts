import { defineConfig } from "vitest/config";
import path from "node:path";

// One config; scripts/test.ts decides which database the *.db.test.ts files get.
export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // Next.js gives "server-only" meaning; outside it (tests, scripts) it is an empty module.
      "server-only": path.join(import.meta.dirname, "tests/setup/empty.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    environment: "node",
    globalSetup: [path.join(import.meta.dirname, "tests/setup/global-db.ts")],
    setupFiles: [path.join(import.meta.dirname, "tests/setup/no-dns.ts")],
    // Vite puts BASE_URL="/" in process.env; Nexio reads BASE_URL as its public origin.
    env: { BASE_URL: "http://localhost:3000", NODE_ENV: "test" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database tests share one database: run files one at a time so they do not trip over each other.
    fileParallelism: false,
  },
});
