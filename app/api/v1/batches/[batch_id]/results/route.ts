// GET /api/v1/batches/{batch_id}/results – one line per row with its top carriers, streamed as NDJSON or CSV
import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { fromZodIssues, notFound } from "@/lib/api/errors";
import { batchResultsStream } from "@/lib/batches/read";
import { BATCH_ID_PATTERN, BatchResultsQuery } from "@/lib/batches/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ batch_id: string }>(async (req, { principal, params, db }) => {
  if (!BATCH_ID_PATTERN.test(params.batch_id)) throw notFound("Batch");
  const query = BatchResultsQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw fromZodIssues(query.error.issues);
  const stream = await batchResultsStream(db, principal.organizationId, params.batch_id, query.data);
  const csv = query.data.format === "csv";
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
