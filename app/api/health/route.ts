// GET /api/health – liveness that includes the database: "ok" only when it answers.
import { prisma } from "@/lib/db/client";
import { NEXIO_VERSION } from "@/lib/version";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await prisma().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", db: "ok", version: NEXIO_VERSION }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "error", db: "unavailable", version: NEXIO_VERSION }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
