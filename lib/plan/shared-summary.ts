import "server-only";
import { prisma } from "@/lib/db/client";
import { sha256Hex } from "@/lib/ids";
import { NotFoundError } from "@/lib/errors";
import { resolveShareToken } from "@/lib/share/links";
import { getMarketingSummary } from "@/lib/plan/summary-load";
import type { MarketingSummaryView } from "@/lib/plan/summary-schemas";

// The marketing summary opened with a share link of kind "marketing_summary" (lib/share): no
// sign-in. Unknown, trace-kind, revoked and expired tokens are all null, and the page answers 404
// exactly as a trace link does.

export async function summaryForShareToken(token: string): Promise<{ summary: MarketingSummaryView; orgName: string; expiresAt: string } | null> {
  const shared = await resolveShareToken(prisma(), token, "marketing_summary");
  if (!shared) return null;
  const [link, org] = await Promise.all([
    prisma().shareLink.findUnique({ where: { tokenHash: sha256Hex(token) }, select: { expiresAt: true } }),
    prisma().organization.findUnique({ where: { id: shared.organizationId }, select: { name: true } }),
  ]);
  if (!link || !org) return null;
  try {
    const summary = await getMarketingSummary(prisma(), shared.organizationId, shared.evalId);
    return { summary, orgName: org.name, expiresAt: link.expiresAt.toISOString() };
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}
