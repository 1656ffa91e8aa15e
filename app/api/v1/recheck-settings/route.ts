// GET/PUT /api/v1/recheck-settings – how many days back a re-check reaches (PUT: admins signed in, and API keys)
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { getRecheckSettingsRoute, putRecheckSettingsRoute } from "@/lib/recheck/contract";
import { getRecheckSettings, putRecheckSettings } from "@/lib/recheck/settings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getRecheckSettingsRoute, async (_req, { principal, db }) => json(await getRecheckSettings(db, principal.organizationId)));

export const PUT = apiRoute(putRecheckSettingsRoute, async (_req, { principal, body, db }) =>
  json(await putRecheckSettings(db, principal.organizationId, body)),
);

export const POST = methodNotAllowed(["GET", "PUT"]);
export const PATCH = POST;
export const DELETE = POST;
