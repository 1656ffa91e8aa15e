import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ApiKeyView } from "@/lib/settings-api/schemas";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function apiKeyView(row: { id: string; name: string; prefix: string; mode: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    mode: row.mode === "test" ? "test" : "live",
    created_at: row.createdAt.toISOString(),
    last_used_at: iso(row.lastUsedAt),
    revoked_at: iso(row.revokedAt),
  };
}

/** The organization's keys, active ones first, newest first; never the hash. */
export async function listApiKeys(db: PrismaClient, organizationId: string): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, mode: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map(apiKeyView).sort((a, b) => Number(a.revoked_at !== null) - Number(b.revoked_at !== null));
}
