// GET /api/v1/audit-events – the organization's audit log, newest first (admins signed in, API keys with audit:read); ?format=csv exports it
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { fromZodIssues } from "@/lib/api/errors";
import { requireAdmin } from "@/lib/auth/principal";
import { auditEventsCsv, listAuditEvents } from "@/lib/audit/list";
import { ListAuditEventsQuery } from "@/lib/audit/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (req, { principal, db }) => {
  requireAdmin(principal);
  const query = ListAuditEventsQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw fromZodIssues(query.error.issues);
  const { format, ...filters } = query.data;
  if (format === "csv") {
    const csv = await auditEventsCsv(db, principal.organizationId, filters);
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="audit-log.csv"', "cache-control": "no-store" },
    });
  }
  return json(await listAuditEvents(db, principal.organizationId, filters));
}, { scope: "audit:read" });

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
