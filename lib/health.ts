import { prisma } from "@/lib/db/client";

/** Whether the database answers a trivial query now (GET /api/health). */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await prisma().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
