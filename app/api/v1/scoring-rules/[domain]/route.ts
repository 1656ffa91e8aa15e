// GET/PUT /api/v1/scoring-rules/{domain} – the organization's scoring rules for a domain; PUT saves a new version
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { getScoringRulesRoute, putScoringRulesRoute } from "@/lib/rules/contract";
import { getScoringRules, saveScoringRules } from "@/lib/rules/rule-sets";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getScoringRulesRoute, async (_req, { principal, params, db }) =>
  json(await getScoringRules(db, principal.organizationId, params.domain)),
);

// Admins signed in and the organization's API keys (access "admin"), like pool imports: rules are
// data a client may manage, not access to the organization.
export const PUT = apiRoute(putScoringRulesRoute, async (_req, { principal, params, body, db, audit }) => {
  const before = await getScoringRules(db, principal.organizationId, params.domain);
  const { rules } = await saveScoringRules(db, principal.organizationId, params.domain, body.overrides, principal.userId ?? principal.apiKeyId ?? null);
  await audit({
    action: "scoring_rules.saved",
    target: { type: "scoring_rules", id: params.domain },
    before: { version: before.version, overrides: before.overrides },
    after: { version: rules.version, overrides: rules.overrides },
  });
  return json(rules);
});

export const POST = methodNotAllowed(["GET", "PUT"]);
export const PATCH = POST;
export const DELETE = POST;
