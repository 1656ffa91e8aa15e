import { csvCell } from "@/lib/csv";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction, AuditEventView, ListAuditEventsQuery } from "@/lib/audit/schemas";

// Reading the audit log: the organization's events, newest first, cursor-paged like the jobs list.

type Row = Prisma.AuditEventGetPayload<object>;

export function auditEventView(r: Row): AuditEventView {
  return {
    id: r.id,
    created_at: r.createdAt.toISOString(),
    action: r.action as AuditAction,
    actor: { type: r.actorType as AuditEventView["actor"]["type"], id: r.actorId, label: r.actorLabel },
    client_address: r.clientAddress,
    target: r.targetType && r.targetId ? { type: r.targetType, id: r.targetId } : null,
    before: r.before ?? null,
    after: r.after ?? null,
  };
}

export async function listAuditEvents(db: PrismaClient, organizationId: string, q: Omit<ListAuditEventsQuery, "format">) {
  const where: Prisma.AuditEventWhereInput = { organizationId };
  if (q.action) where.action = q.action;
  if (q.actor) where.OR = [{ actorLabel: { contains: q.actor, mode: "insensitive" } }, { actorId: q.actor }];
  if (q.created_gte || q.created_lte) {
    where.createdAt = { ...(q.created_gte ? { gte: new Date(q.created_gte) } : {}), ...(q.created_lte ? { lte: new Date(q.created_lte) } : {}) };
  }
  if (q.starting_after) {
    const cursor = await db.auditEvent.findFirst({ where: { id: q.starting_after, organizationId }, select: { id: true, createdAt: true } });
    if (cursor) where.AND = [{ OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }];
  }
  const rows = await db.auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: q.limit + 1 });
  return { data: rows.slice(0, q.limit).map(auditEventView), has_more: rows.length > q.limit };
}

const CSV_COLUMNS = ["created_at", "action", "actor_type", "actor", "client_address", "target_type", "target_id", "before", "after"];

/** Every event matching the filters, as CSV (at most `max` rows, newest first). */
export async function auditEventsCsv(
  db: PrismaClient,
  organizationId: string,
  q: Omit<ListAuditEventsQuery, "format" | "limit" | "starting_after">,
  max = 10_000,
): Promise<string> {
  const lines = [CSV_COLUMNS.join(",")];
  let after: string | undefined;
  for (let n = 0; n < max;) {
    const page = await listAuditEvents(db, organizationId, { ...q, limit: Math.min(200, max - n), starting_after: after });
    for (const e of page.data) {
      lines.push(
        [e.created_at, e.action, e.actor.type, e.actor.label, e.client_address, e.target?.type, e.target?.id, e.before, e.after]
          .map((v) => csvCell(v, { quote: "always" }))
          .join(","),
      );
    }
    n += page.data.length;
    if (!page.has_more || page.data.length === 0) break;
    after = page.data.at(-1)!.id;
  }
  return `${lines.join("\r\n")}\r\n`;
}
