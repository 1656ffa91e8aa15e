// GET /api/v1/batches/{batch_id} – counts by status and progress
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { getBatch } from "@/lib/batches/read";
import { BATCH_ID_PATTERN } from "@/lib/batches/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ batch_id: string }>(async (_req, { principal, params, db }) => {
  if (!BATCH_ID_PATTERN.test(params.batch_id)) throw notFound("Batch");
  return json(await getBatch(db, principal.organizationId, params.batch_id));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
