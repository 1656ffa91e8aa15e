// GET /traces/{eval_id} with Accept: application/json (rewritten here by next.config.mjs), or
// /api/traces/{eval_id} – the audit trace as JSON, for an API key or session of the job's
// organization, or for the holder of a valid share link (?token=…)
import { json, publicRoute } from "@/lib/api/handler";
import { requirePrincipal } from "@/lib/auth/principal";
import { getTraceRoute } from "@/lib/traces/contract";
import { getOrganizationTrace, getSharedTrace } from "@/lib/traces/access";
import { SHARE_HEADERS } from "@/lib/share/links";

export const dynamic = "force-dynamic";

const shareHeaders = (req: Request): Record<string, string> => (new URL(req.url).searchParams.get("token") ? SHARE_HEADERS : {});

export const GET = publicRoute(
  getTraceRoute,
  async (req, { params, query }) => {
    if (query.token) return Response.json(await getSharedTrace(query.token, params.evalId), { headers: SHARE_HEADERS });
    const who = await requirePrincipal(req);
    return json(await getOrganizationTrace(who.organizationId, params.evalId));
  },
  shareHeaders,
);
