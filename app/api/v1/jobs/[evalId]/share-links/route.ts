// GET/POST /api/v1/jobs/{eval_id}/share-links – a job's share links; POST makes one (URL shown once)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { EVAL_ID_PATTERN } from "@/lib/ids";
import { createShareLink, listShareLinks } from "@/lib/share/links";
import { CreateShareLinkBody } from "@/lib/settings-api/schemas";
import { parseBody } from "@/lib/settings-api/parse";
import { shareUrl } from "@/lib/settings-api/share";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ evalId: string }>(async (_req, { principal, params }) => {
  if (!EVAL_ID_PATTERN.test(params.evalId)) throw notFound("Job");
  const job = await prisma().job.findFirst({ where: { id: params.evalId, organizationId: principal.organizationId }, select: { id: true } });
  if (!job) throw notFound("Job");
  return json({ data: await listShareLinks(prisma(), principal.organizationId, job.id) });
});

export const POST = apiRoute<{ evalId: string }>(async (req, { principal, params }) => {
  if (!EVAL_ID_PATTERN.test(params.evalId)) throw notFound("Job");
  const body = await parseBody(req, CreateShareLinkBody);
  const link = await createShareLink(prisma(), principal.organizationId, params.evalId, { userId: principal.userId, expiresInDays: body.expires_in_days });
  return json({ ...link, url: shareUrl(link.token) }, { status: 201 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
