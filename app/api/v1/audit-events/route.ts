// GET /api/v1/audit-events – the organization's audit log, newest first (admins signed in, API keys with audit:read); ?format=csv exports it
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { listAuditEventsRoute } from "@/lib/audit/contract";
import { auditEventsCsv, listAuditEvents } from "@/lib/audit/list";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listAuditEventsRoute, async (_req, { principal, query, db }) => {
  const { format, ...filters } = query;
  if (format === "csv") {
    const csv = await auditEventsCsv(db, principal.organizationId, filters);
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="audit-log.csv"', "cache-control": "no-store" },
    });
  }
  return json(await listAuditEvents(db, principal.organizationId, filters));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
