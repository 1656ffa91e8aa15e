// GET/PUT /api/v1/scoring-rules/{domain} – the organization's scoring rules for a domain; PUT saves a new version
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { fromZodIssues } from "@/lib/api/errors";
import { readJsonBody } from "@/lib/api/body";
import { requireAdmin } from "@/lib/auth/principal";
import { getScoringRules, knownDomain, saveScoringRules } from "@/lib/rules/rule-sets";
import { PutScoringRulesBody } from "@/lib/rules/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ domain: string }>(async (_req, { principal, params, db }) => json(await getScoringRules(db, principal.organizationId, params.domain)));

// Admins signed in and the organization's API keys (requireAdmin), like pool imports: rules are
// data a client may manage, not access to the organization.
export const PUT = apiRoute<{ domain: string }>(async (req, { principal, params, db }) => {
  requireAdmin(principal);
  knownDomain(params.domain);
  const body = PutScoringRulesBody.safeParse(await readJsonBody(req));
  if (!body.success) throw fromZodIssues(body.error.issues);
  const { rules } = await saveScoringRules(db, principal.organizationId, params.domain, body.data.overrides, principal.userId ?? principal.apiKeyId ?? null);
  return json(rules);
});

export const POST = methodNotAllowed(["GET", "PUT"]);
export const PATCH = POST;
export const DELETE = POST;
