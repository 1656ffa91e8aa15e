// POST /api/v1/webhook-deliveries/test – send one signed test event to a URL now and report the attempt
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { sendTestEventRoute } from "@/lib/webhooks/contract";
import { sendTestEvent } from "@/lib/webhooks/test-event";

export const dynamic = "force-dynamic";

// Who may call: as GET /api/v1/webhook-deliveries, API keys and signed-in admins (a key is how an
// integrator checks a receiver from CI). It makes one outbound request per call, SSRF-checked
// and counted by the same per-key rate limit as every other call.
export const POST = apiRoute(sendTestEventRoute, async (_req, { principal, body, db }) => json(await sendTestEvent(db, principal.organizationId, body.url)));

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
