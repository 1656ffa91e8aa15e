// POST /api/v1/batches – submit a CSV, JSON or NDJSON file of profiles, one job per row; GET – the organization's batches, newest first
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { ApiError } from "@/lib/api/errors";
import { contentType, isJsonType, limitedBody } from "@/lib/api/body";
import { createBatchRoute, listBatchesRoute } from "@/lib/batches/contract";
import { createBatch } from "@/lib/batches/create";
import { listBatches } from "@/lib/batches/read";
import { BATCH_LIMITS } from "@/lib/batches/schemas";
import { settings } from "@/lib/settings";
import { wakeWorkers } from "@/lib/wake";

export const dynamic = "force-dynamic";

// The body is the file (the contract's rawBody), streamed to lib/batches with a byte limit.
export const POST = apiRoute(createBatchRoute, async (req, { principal, query, db }) => {
  const type = contentType(req);
  const format = type === "text/csv" ? "csv" : type === "application/x-ndjson" ? "ndjson" : isJsonType(type) ? "json" : null;
  if (!format) throw new ApiError(415, "unsupported_media_type", "Content-Type must be text/csv, application/json or application/x-ndjson");
  const body = limitedBody(req, BATCH_LIMITS.maxBytes);
  const submitted = await createBatch(db, principal, query, { format, body }, req.headers.get("idempotency-key"));
  if (!submitted.replayed) wakeWorkers();
  return json(submitted.body, {
    status: 202,
    headers: {
      Location: `${settings().baseUrl}/api/v1/batches/${submitted.body.batch_id}`,
      ...(submitted.replayed ? { "Idempotent-Replayed": "true" } : {}),
    },
  });
});

// Test and live batches are listed apart, like jobs: a key sees its own mode's, people choose (live by default).
export const GET = apiRoute(listBatchesRoute, async (_req, { principal, query, db }) =>
  json(await listBatches(db, principal.organizationId, { ...query, mode: principal.via === "api_key" ? principal.keyMode : query.mode })),
);

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
