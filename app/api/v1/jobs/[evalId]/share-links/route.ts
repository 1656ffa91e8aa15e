// GET/POST /api/v1/jobs/{eval_id}/share-links – a job's share links; POST makes one (URL shown once)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { EVAL_ID_PATTERN } from "@/lib/ids";
import { createShareLink, listShareLinks } from "@/lib/share/links";
import { CreateShareLinkBody } from "@/lib/share/schemas";
import { parseBody } from "@/lib/api/parse-body";
import { shareUrl } from "@/lib/share/url";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ evalId: string }>(async (_req, { principal, params, db }) => {
  if (!EVAL_ID_PATTERN.test(params.evalId)) throw notFound("Job");
  return json({ data: await listShareLinks(db, principal.organizationId, params.evalId) });
});

export const POST = apiRoute<{ evalId: string }>(async (req, { principal, params, db }) => {
  if (!EVAL_ID_PATTERN.test(params.evalId)) throw notFound("Job");
  const body = await parseBody(req, CreateShareLinkBody);
  const link = await createShareLink(db, principal.organizationId, params.evalId, { userId: principal.userId, expiresInDays: body.expires_in_days });
  return json({ ...link, url: shareUrl(link.token) }, { status: 201 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
