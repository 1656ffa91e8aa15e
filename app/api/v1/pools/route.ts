// GET /api/v1/pools – the pools this organization may use; POST /api/v1/pools – import a CSV or JSON file into one of the organization's own pools
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { ApiError } from "@/lib/api/errors";
import { contentType, isJsonType, readBodyText } from "@/lib/api/body";
import { importPoolRoute, listPoolsRoute } from "@/lib/pools/contract";
import { listPools } from "@/lib/pools/pools";
import { POOL_IMPORT_LIMITS } from "@/lib/pools/import";
import { importOrganizationPool } from "@/lib/pools/import-pool";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listPoolsRoute, async (_req, { principal, db }) => json({ data: await listPools(db, principal.organizationId) }));

// Admins signed in and the organization's API keys (access "admin"), like job submission's
// callers: an import is data, not access, so a key may automate it (unlike settings routes).
// The body is the file (the contract's rawBody), read here.
export const POST = apiRoute(importPoolRoute, async (req, { principal, query, db, audit }) => {
  const type = contentType(req);
  const format = type === "text/csv" ? "csv" : isJsonType(type) ? "json" : null;
  if (!format) throw new ApiError(415, "unsupported_media_type", "Content-Type must be text/csv or application/json");
  const text = await readBodyText(req, POOL_IMPORT_LIMITS.maxBytes);
  const result = await importOrganizationPool(db, principal.organizationId, query, { format, text });
  if (result.new_version)
    await audit({ action: "pool.imported", target: { type: "pool", id: result.id }, after: { version: result.version, size: result.size, format } });
  return json(result, { status: result.created ? 201 : 200 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
