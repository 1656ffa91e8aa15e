// GET /api/health – liveness that includes the database: "ok" only when it answers.
import { databaseAnswers } from "@/lib/health";
import { NEXIO_VERSION } from "@/lib/version";

export const dynamic = "force-dynamic";

export async function GET() {
  if (await databaseAnswers()) {
    return Response.json({ status: "ok", db: "ok", version: NEXIO_VERSION }, { headers: { "cache-control": "no-store" } });
  } else {
    return Response.json({ status: "error", db: "unavailable", version: NEXIO_VERSION }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
