// GET /api/ping – a no-op: the baseline that bench/api.ts measures POST /api/v1/jobs against
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
