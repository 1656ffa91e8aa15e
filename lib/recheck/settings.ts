import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RecheckSettings } from "./schemas";

// The organization's re-check window (organizations.recheck_days, default 30).

export async function getRecheckSettings(db: PrismaClient, organizationId: string): Promise<RecheckSettings> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { recheckDays: true } });
  return { days: org.recheckDays };
}

export async function putRecheckSettings(db: PrismaClient, organizationId: string, body: RecheckSettings): Promise<RecheckSettings> {
  const org = await db.organization.update({ where: { id: organizationId }, data: { recheckDays: body.days }, select: { recheckDays: true } });
  return { days: org.recheckDays };
}
