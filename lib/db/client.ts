import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The one Prisma client of a process, over `pg` whether the server is PostgreSQL or the embedded
// PGlite (lib/db/embedded.ts). Created on first use so that importing this module never connects.

declare global {
  var __nexioPrisma: PrismaClient | undefined;
}

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Nexio with `npm start`, which provides the embedded database");
  return url;
}

// Timestamp columns hold UTC without a zone (Prisma's convention); SQL that compares them with
// now() is only right when the session's time zone is UTC, whatever the server's default is.
export const UTC_SESSION = "-c TimeZone=UTC";

export function createPrisma(url = databaseUrl(), max = 10): PrismaClient {
  // The embedded database runs one statement at a time, so under load a transaction may wait
  // longer for its turn than Prisma's 2 s default allows.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max, options: UTC_SESSION }),
    transactionOptions: { maxWait: 15_000, timeout: 30_000 },
  });
}

export function prisma(): PrismaClient {
  globalThis.__nexioPrisma ??= createPrisma();
  return globalThis.__nexioPrisma;
}

export async function disconnectPrisma() {
  const client = globalThis.__nexioPrisma;
  globalThis.__nexioPrisma = undefined;
  await client?.$disconnect();
}
