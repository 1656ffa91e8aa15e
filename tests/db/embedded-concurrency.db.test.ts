import { describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db/client";

// Many connections issuing differently-shaped parameterised statements at once, as the web
// process, the worker and the CLI do. On the embedded database this failed with the socket
// library's own queue ("bind message supplies N parameters, but prepared statement requires M")
// before lib/db/pglite-queue.ts; on PostgreSQL it is simply true.
describe("concurrent connections", () => {
  it("never mix up one client's statement with another's parameters", async () => {
    const db = createPrisma(process.env.DATABASE_URL, 10);
    try {
      const results = await Promise.all(
        Array.from({ length: 120 }, async (_, i) => {
          switch (i % 3) {
            case 0: {
              const [r] = await db.$queryRaw<{ v: number }[]>`SELECT ${i}::int AS v`;
              return r.v === i;
            }
            case 1: {
              // A large parameter arrives in several TCP chunks, which is what let others cut in.
              const big = "x".repeat(200_000) + i;
              const [r] = await db.$queryRaw<{ v: number; a: string; n: number }[]>`SELECT ${i}::int AS v, ${"a" + i}::text AS a, length(${big}::text) AS n`;
              return r.v === i && r.a === `a${i}` && r.n === big.length;
            }
            default: {
              const r = await db.$transaction(async (tx) => {
                const [x] = await tx.$queryRaw<{ v: number }[]>`SELECT ${i}::int + ${1}::int AS v`;
                const [y] = await tx.$queryRaw<{ s: string }[]>`SELECT ${String(i)}::text || ${"!"}::text || ${"?"}::text AS s`;
                return x.v === i + 1 && y.s === `${i}!?`;
              });
              return r;
            }
          }
        }),
      );
      expect(results.filter((ok) => !ok)).toHaveLength(0);
    } finally {
      await db.$disconnect();
    }
  });
});
