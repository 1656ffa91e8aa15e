// GET/POST /api/v1/jobs/{eval_id}/share-links – a job's share links; POST makes one (URL shown once)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { createShareLinkRoute, listShareLinksRoute } from "@/lib/share/contract";
import { createShareLink, listShareLinks } from "@/lib/share/links";
import { shareUrl } from "@/lib/share/url";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listShareLinksRoute, async (_req, { principal, params, query, db }) =>
  json(await listShareLinks(db, principal.organizationId, params.evalId, query)),
);

export const POST = apiRoute(createShareLinkRoute, async (_req, { principal, params, body, db, audit }) => {
  const link = await createShareLink(db, principal.organizationId, params.evalId, {
    userId: principal.userId,
    expiresInDays: body.expires_in_days,
    kind: body.kind,
  });
  await audit({
    action: "share_link.created",
    target: { type: "share_link", id: link.id },
    after: { eval_id: params.evalId, kind: link.kind, expires_at: link.expires_at },
  });
  return json({ ...link, url: shareUrl(link.token, link.kind) }, { status: 201 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
