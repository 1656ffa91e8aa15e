// POST /api/v1/batches – submit a CSV, JSON or NDJSON file of profiles, one job per row; GET – the organization's batches, newest first
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { ApiError, fromZodIssues } from "@/lib/api/errors";
import { contentType, isJsonType, limitedBody } from "@/lib/api/body";
import { createBatch } from "@/lib/batches/create";
import { listBatches } from "@/lib/batches/read";
import { CreateBatchQuery, ListBatchesQuery, BATCH_LIMITS } from "@/lib/batches/schemas";
import { settings } from "@/lib/settings";
import { wakeWorkers } from "@/lib/wake";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (req, { principal, db }) => {
  const query = CreateBatchQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw fromZodIssues(query.error.issues);
  const type = contentType(req);
  const format = type === "text/csv" ? "csv" : type === "application/x-ndjson" ? "ndjson" : isJsonType(type) ? "json" : null;
  if (!format) throw new ApiError(415, "unsupported_media_type", "Content-Type must be text/csv, application/json or application/x-ndjson");
  const body = limitedBody(req, BATCH_LIMITS.maxBytes);
  const submitted = await createBatch(db, principal, query.data, { format, body }, req.headers.get("idempotency-key"));
  if (!submitted.replayed) wakeWorkers();
  return json(submitted.body, {
    status: 202,
    headers: {
      Location: `${settings().baseUrl}/api/v1/batches/${submitted.body.batch_id}`,
      ...(submitted.replayed ? { "Idempotent-Replayed": "true" } : {}),
    },
  });
});

export const GET = apiRoute(async (req, { principal, db }) => {
  const query = ListBatchesQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw fromZodIssues(query.error.issues);
  return json(await listBatches(db, principal.organizationId, query.data));
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
