// GET /traces/{eval_id} with Accept: application/json (rewritten here by next.config.mjs), or
// /api/traces/{eval_id} – the audit trace as JSON, for an API key or session of the job's
// organization, or for the holder of a valid share link (?token=…)
import { errorResponse, notFound } from "@/lib/api/errors";
import { requirePrincipal } from "@/lib/auth/principal";
import { getOrganizationTrace, getSharedTrace } from "@/lib/traces/access";
import { SHARE_HEADERS } from "@/lib/share/links";
import { EVAL_ID_PATTERN } from "@/lib/ids";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ evalId: string }> }) {
  const { evalId } = await ctx.params;
  const token = new URL(req.url).searchParams.get("token");
  try {
    if (!EVAL_ID_PATTERN.test(evalId)) throw notFound("Trace");
    if (token) {
      return Response.json(await getSharedTrace(token, evalId), { headers: SHARE_HEADERS });
    }
    const who = await requirePrincipal(req);
    return Response.json(await getOrganizationTrace(who.organizationId, evalId), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    const res = errorResponse(err);
    if (token) for (const [k, v] of Object.entries(SHARE_HEADERS)) res.headers.set(k, v);
    return res;
  }
}
