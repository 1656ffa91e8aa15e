// GET /api/v1/batches/{batch_id} – counts by status and progress
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { getBatchRoute } from "@/lib/batches/contract";
import { getBatch } from "@/lib/batches/read";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getBatchRoute, async (_req, { principal, params, db }) => json(await getBatch(db, principal.organizationId, params.batch_id)));

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
