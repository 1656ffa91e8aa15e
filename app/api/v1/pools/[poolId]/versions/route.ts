// GET /api/v1/pools/{id}/versions – a pool's versions, newest first
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { prisma } from "@/lib/db/client";
import { listPoolVersions } from "@/lib/compare/pool-versions";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ poolId: string }>(async (_req, { principal, params }) =>
  json(await listPoolVersions(prisma(), principal.organizationId, decodeURIComponent(params.poolId))),
);

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
