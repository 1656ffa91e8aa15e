// POST /api/v1/webhook-deliveries/test – send one signed test event to a URL now and report the attempt
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/body";
import { fromZodIssues } from "@/lib/api/errors";
import { requireAdmin } from "@/lib/auth/principal";
import { sendTestEvent } from "@/lib/webhooks/test-event";
import { TestEventBody } from "@/lib/webhooks/schemas";

export const dynamic = "force-dynamic";

// Who may call: as GET /api/v1/webhook-deliveries, API keys and signed-in admins (a key is how an
// integrator checks a receiver from CI). It makes one outbound request per call, SSRF-checked
// and counted by the same per-key rate limit as every other call.
export const POST = apiRoute(async (req, { principal, db }) => {
  requireAdmin(principal);
  const body = TestEventBody.safeParse(await readJsonBody(req));
  if (!body.success) throw fromZodIssues(body.error.issues);
  return json(await sendTestEvent(db, principal.organizationId, body.data.url));
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
