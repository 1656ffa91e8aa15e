// GET /api/v1/batches/{batch_id}/results – one line per row with its top carriers, streamed as NDJSON or CSV
import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { getBatchResultsRoute } from "@/lib/batches/contract";
import { batchResultsStream } from "@/lib/batches/read";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getBatchResultsRoute, async (_req, { principal, params, query, db }) => {
  const stream = await batchResultsStream(db, principal.organizationId, params.batch_id, query);
  const csv = query.format === "csv";
  return new Response(stream, {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${params.batch_id}-results.${csv ? "csv" : "ndjson"}"`,
      "cache-control": "no-store",
    },
  });
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
