import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { AuditAction } from "@/lib/audit/schemas";

// Appending to the organization's audit log. Nothing here updates or deletes (and the table's
// trigger refuses both). Recording never fails the action it records: an error is logged, and the
// action has already happened.

export interface AuditActor {
  type: "user" | "api_key" | "system";
  id: string | null;
  label: string;
  clientAddress: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  target?: { type: string; id: string } | null;
  before?: unknown;
  after?: unknown;
}

type Db = PrismaClient | Prisma.TransactionClient;

const json = (v: unknown) => (v === undefined || v === null ? undefined : (v as Prisma.InputJsonValue));

export async function recordAudit(db: Db, organizationId: string, actor: AuditActor, entry: AuditEntry): Promise<void> {
  try {
    await db.auditEvent.create({
      data: {
        id: newId("aud"),
        organizationId,
        action: entry.action,
        actorType: actor.type,
        actorId: actor.id,
        actorLabel: actor.label.slice(0, 320),
        clientAddress: actor.clientAddress,
        targetType: entry.target?.type ?? null,
        targetId: entry.target?.id ?? null,
        before: json(entry.before),
        after: json(entry.after),
      },
    });
  } catch (err) {
    console.error(`nexio: audit event ${entry.action} for ${organizationId} not recorded`, err);
  }
}
