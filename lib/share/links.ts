import crypto from "node:crypto";
import { pageArgs, pageOf, type PageQuery } from "@/lib/paging";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newId, sha256Hex } from "@/lib/ids";
import { notFound } from "@/lib/errors";
import { EXPIRY_DAYS, type ShareKind } from "@/lib/share/schemas";

// Capability links: a 256-bit random token opens one trace read-only, without signing in, until
// it expires or is revoked. Only the token's hash is stored; the link is shown once. A link has a
// kind (the trace, or the plan's marketing summary) and opens only that.

export const SHARE_EXPIRY_DAYS = EXPIRY_DAYS;

export async function createShareLink(
  db: PrismaClient,
  organizationId: string,
  evalId: string,
  opts: { userId?: string; expiresInDays: number; kind?: ShareKind },
) {
  const job = await db.job.findFirst({ where: { id: evalId, organizationId }, select: { id: true } });
  if (!job) throw notFound("Job");
  const token = crypto.randomBytes(32).toString("base64url");
  const row = await db.shareLink.create({
    data: {
      id: newId("shr"),
      organizationId,
      jobId: job.id,
      tokenHash: sha256Hex(token),
      createdById: opts.userId ?? null,
      kind: opts.kind ?? "trace",
      expiresAt: new Date(Date.now() + opts.expiresInDays * 86_400_000),
    },
  });
  return { id: row.id, kind: row.kind as ShareKind, token, expires_at: row.expiresAt.toISOString(), created_at: row.createdAt.toISOString() };
}

export async function listShareLinks(db: PrismaClient, organizationId: string, evalId: string, page: Partial<PageQuery> & { kind?: ShareKind } = {}) {
  const job = await db.job.findFirst({ where: { id: evalId, organizationId }, select: { id: true } });
  if (!job) throw notFound("Job");
  const rows = await db.shareLink.findMany({
    where: { organizationId, jobId: job.id, ...(page.kind ? { kind: page.kind } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(page),
  });
  const now = Date.now();
  const { data, has_more } = pageOf(rows, page);
  return {
    data: data.map((r) => ({
      id: r.id,
      kind: r.kind as ShareKind,
      created_at: r.createdAt.toISOString(),
      expires_at: r.expiresAt.toISOString(),
      revoked_at: r.revokedAt?.toISOString() ?? null,
      active: !r.revokedAt && r.expiresAt.getTime() > now,
    })),
    has_more,
  };
}

export async function revokeShareLink(db: PrismaClient, organizationId: string, id: string) {
  const { count } = await db.shareLink.updateMany({ where: { id, organizationId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw notFound("Share link");
}

/** The job a share token of this kind opens, or null when unknown, of another kind, revoked or expired. */
export async function resolveShareToken(db: PrismaClient, token: string | null | undefined, kind: ShareKind = "trace") {
  if (!token || token.length > 100) return null;
  const row = await db.shareLink.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { organizationId: true, jobId: true, revokedAt: true, expiresAt: true, kind: true },
  });
  if (!row || row.kind !== kind || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return { organizationId: row.organizationId, evalId: row.jobId };
}

/** Headers every share-link response carries: the token must not leak onward or be indexed or cached. */
export const SHARE_HEADERS = {
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "Cache-Control": "no-store",
} as const;
