import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { createApiKey, revokeApiKey } from "@/lib/keys/api-keys";
import type { ApiKeyView, CreatedApiKey } from "@/lib/keys/schemas";

// The API keys as Settings → API keys manages them (the admin routes); authenticating a key is
// lib/keys/api-keys.ts.

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function apiKeyView(row: {
  id: string;
  name: string;
  prefix: string;
  mode: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiKeyView {
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

/** A new key as the settings list shows it, plus the key itself (this response only). */
export async function createListedApiKey(db: PrismaClient, organizationId: string, body: { name: string; mode: "live" | "test" }): Promise<CreatedApiKey> {
  const created = await createApiKey(db, organizationId, { name: body.name, test: body.mode === "test" });
  const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
  return { ...apiKeyView(row), key: created.key };
}

/** Revoke one of the organization's keys. Already revoked is done, not missing; another organization's key is simply not found. */
export async function revokeOwnApiKey(db: PrismaClient, organizationId: string, id: string): Promise<void> {
  if (await revokeApiKey(db, organizationId, id)) return;
  const own = await db.apiKey.findFirst({ where: { id, organizationId }, select: { id: true } });
  if (!own) throw notFound("API key");
}
