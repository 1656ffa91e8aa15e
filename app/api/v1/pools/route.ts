// GET /api/v1/pools – the pools this organization may use, with domain, size and version
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { prisma } from "@/lib/db/client";
import { listPools } from "@/lib/pools/pools";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_req, { principal }) => json({ data: await listPools(prisma(), principal.organizationId) }));

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
