import "server-only";
import { prisma } from "@/lib/db/client";
import { EVAL_ID_PATTERN, sha256Hex } from "@/lib/ids";
import { getTrace, type Trace } from "@/lib/traces/trace";
import { NotFoundError, notFound } from "@/lib/errors";
import { resolveShareToken } from "@/lib/share/links";
import { tracePage, type TracePage } from "@/lib/traces/json";
import { TRACE_PAGE_MAX } from "@/lib/traces/contract";

// The two ways a person reaches a trace page: signed in to its organization, or holding a share
// link. Anything not found, malformed, revoked or expired is null, and the page answers 404.

export async function traceForOrganization(organizationId: string, evalId: string): Promise<Trace | null> {
  if (!EVAL_ID_PATTERN.test(evalId)) return null;
  try {
    return await getTrace(prisma(), organizationId, evalId);
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}

export async function traceForShareToken(token: string): Promise<{ trace: Trace; expiresAt: string } | null> {
  const shared = await resolveShareToken(prisma(), token);
  if (!shared) return null;
  const link = await prisma().shareLink.findUnique({ where: { tokenHash: sha256Hex(token) }, select: { expiresAt: true } });
  const trace = link && (await traceForOrganization(shared.organizationId, shared.evalId));
  return trace ? { trace, expiresAt: link.expiresAt.toISOString() } : null;
}

// The trace JSON (GET /api/traces/{eval_id}): the same two ways in, but anything missing throws
// not found for the route to answer in the error shape.

/** The trace for the holder of a share token that opens this very job (a page of its scored candidates). */
export async function getSharedTrace(token: string, evalId: string, page: TracePage = { limit: TRACE_PAGE_MAX, offset: 0 }) {
  const shared = await resolveShareToken(prisma(), token);
  if (!shared || shared.evalId !== evalId) throw notFound("Trace");
  return tracePage(prisma(), shared.organizationId, evalId, page);
}

export const getOrganizationTrace = (organizationId: string, evalId: string, page: TracePage = { limit: TRACE_PAGE_MAX, offset: 0 }) =>
  tracePage(prisma(), organizationId, evalId, page);
