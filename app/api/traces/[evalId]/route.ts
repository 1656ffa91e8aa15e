// GET /traces/{eval_id} with Accept: application/json (rewritten here by next.config.mjs), or
// /api/traces/{eval_id} – the audit trace as JSON (scored candidates paged), for an API key or
// session of the job's organization, or for the holder of a valid share link (?token=…)
import { json, publicRoute } from "@/lib/api/handler";
import { ApiError } from "@/lib/api/errors";
import { takeToken } from "@/lib/api/rate-limit";
import { clientAddress } from "@/lib/api/client-address";
import { requirePrincipal, requireScope } from "@/lib/auth/principal";
import { getTraceRoute } from "@/lib/traces/contract";
import { getOrganizationTrace, getSharedTrace } from "@/lib/traces/access";
import { SHARE_HEADERS } from "@/lib/share/links";
import { settings } from "@/lib/settings";

export const dynamic = "force-dynamic";

// Traces are heavy to build: 60 a minute per key, person or (for share links) client address.
const TRACES_PER_MINUTE = 60;

function limit(bucket: string) {
  const d = takeToken(`trace:${bucket}`, TRACES_PER_MINUTE);
  if (!d.allowed)
    throw new ApiError(429, "rate_limited", `At most ${TRACES_PER_MINUTE} traces a minute; retry in ${d.resetSeconds} s`, [], {
      "Retry-After": String(d.resetSeconds),
    });
}

const shareHeaders = (req: Request): Record<string, string> => (new URL(req.url).searchParams.get("token") ? SHARE_HEADERS : {});

export const GET = publicRoute(
  getTraceRoute,
  async (req, { params, query }) => {
    const page = { limit: query.limit, offset: query.offset };
    if (query.token) {
      limit(`addr:${clientAddress(req.headers, settings().TRUSTED_PROXIES)}`);
      return Response.json(await getSharedTrace(query.token, params.evalId, page), { headers: SHARE_HEADERS });
    }
    const who = await requirePrincipal(req);
    requireScope(who, "jobs:read");
    limit(who.apiKeyId ?? `user:${who.userId}`);
    return json(await getOrganizationTrace(who.organizationId, params.evalId, page));
  },
  shareHeaders,
);
