// GET/PUT /api/v1/recheck-settings – how many days back a re-check reaches (PUT: admins signed in, and API keys)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { parseBody } from "@/lib/api/parse-body";
import { requireAdmin } from "@/lib/auth/principal";
import { RecheckSettings } from "@/lib/recheck/schemas";
import { getRecheckSettings, putRecheckSettings } from "@/lib/recheck/settings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_req, { principal, db }) => json(await getRecheckSettings(db, principal.organizationId)));

export const PUT = apiRoute(async (req, { principal, db }) => {
  requireAdmin(principal);
  return json(await putRecheckSettings(db, principal.organizationId, await parseBody(req, RecheckSettings)));
});

export const POST = methodNotAllowed(["GET", "PUT"]);
export const PATCH = POST;
export const DELETE = POST;
