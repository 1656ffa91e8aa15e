import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { createApiKey, revokeApiKey } from "@/lib/keys/api-keys";
import { effectiveScopes } from "@/lib/keys/scopes";
import { pageArgs, pageOf, type PageQuery } from "@/lib/paging";
import type { ApiKeyView, CreatedApiKey } from "@/lib/keys/schemas";

// The API keys as Settings → API keys manages them (the admin routes); authenticating a key is
// lib/keys/api-keys.ts.

const iso = (d: Date | null) => d?.toISOString() ?? null;

type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  mode: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export function apiKeyView(row: KeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    mode: row.mode === "test" ? "test" : "live",
    scopes: effectiveScopes(row.scopes),
    created_at: row.createdAt.toISOString(),
    last_used_at: iso(row.lastUsedAt),
    expires_at: iso(row.expiresAt),
    revoked_at: iso(row.revokedAt),
  };
}

/** The organization's keys, active ones first, newest first; never the hash. */
export async function listApiKeys(db: PrismaClient, organizationId: string, page: Partial<PageQuery> = {}): Promise<{ data: ApiKeyView[]; has_more: boolean }> {
  const rows = await db.apiKey.findMany({
    where: { organizationId },
    // Active keys first (no revoked_at), then revoked ones, newest first within each.
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, mode: true, scopes: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
    ...pageArgs(page),
  });
  return pageOf(rows.map(apiKeyView), page);
}

/** A new key as the settings list shows it, plus the key itself (this response only). */
export async function createListedApiKey(
  db: PrismaClient,
  organizationId: string,
  body: { name: string; mode?: "live" | "test"; scopes?: string[]; expires_in_days?: number },
): Promise<CreatedApiKey> {
  const expiresAt = body.expires_in_days ? new Date(Date.now() + body.expires_in_days * 86_400_000) : null;
  const created = await createApiKey(db, organizationId, { name: body.name, test: body.mode === "test", scopes: body.scopes, expiresAt });
  const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
  return { ...apiKeyView(row), key: created.key };
}

/** Revoke one of the organization's keys. Already revoked is done, not missing; another organization's key is simply not found. */
export async function revokeOwnApiKey(db: PrismaClient, organizationId: string, id: string): Promise<void> {
  if (await revokeApiKey(db, organizationId, id)) return;
  const own = await db.apiKey.findFirst({ where: { id, organizationId }, select: { id: true } });
  if (!own) throw notFound("API key");
}
