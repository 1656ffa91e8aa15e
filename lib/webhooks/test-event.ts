import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { invalid } from "@/lib/errors";
import { settings } from "@/lib/settings";
import { NEXIO_VERSION } from "@/lib/version";
import { signingSecrets } from "@/lib/webhooks/org-secret";
import type { TestEvent, TestEventResult } from "@/lib/webhooks/schemas";
import { sendWebhook } from "@/lib/webhooks/send";
import { newWebhookId, webhookHeaders } from "@/lib/webhooks/sign";
import { checkWebhookUrlAtSubmission } from "@/lib/webhooks/ssrf";

// "Send test event": one signed request to a receiver, right now, so an integrator can check
// their endpoint and signature verification before real jobs flow. It goes through the same
// guards as a delivery (the submission SSRF check, then send.ts's pinned address, no redirects,
// timeout) and is signed with the same secret(s), but it is not a delivery: nothing is stored,
// nothing is retried. The caller sees the attempt's outcome in the response instead.

export async function sendTestEvent(db: PrismaClient, organizationId: string, rawUrl: string): Promise<TestEventResult> {
  const s = settings();
  const check = await checkWebhookUrlAtSubmission(rawUrl, { allowPrivate: s.WEBHOOK_ALLOW_PRIVATE });
  if (!check.ok) throw invalid(`Invalid url: ${check.reason}`, [{ path: "url", code: check.code, message: `Invalid url: ${check.reason}` }]);

  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { webhookSecret: true, webhookSecretPrevious: true, webhookSecretRotatedAt: true },
  });
  const now = new Date();
  const secrets = signingSecrets(org, now);
  // Every organization is created with a secret; without one there is nothing to verify against.
  if (secrets.length === 0) throw invalid("This organization has no webhook signing secret yet; rotate the secret in Settings → Webhooks first");

  const url = check.url.toString();
  const event: TestEvent = { type: "test", eval_id: null, message: "Nexio test event", sent_at: now.toISOString() };
  const body = JSON.stringify(event);
  const webhookId = newWebhookId();
  const headers = webhookHeaders({ secrets, webhookId, timestamp: Math.floor(now.getTime() / 1000), body, version: NEXIO_VERSION });
  const result = await sendWebhook({ url, body, headers, timeoutMs: s.WEBHOOK_TIMEOUT_MS, allowPrivate: s.WEBHOOK_ALLOW_PRIVATE });

  return {
    outcome: result.ok ? "succeeded" : "failed",
    webhook_id: webhookId,
    url,
    sent_at: event.sent_at,
    status_code: result.statusCode,
    latency_ms: result.latencyMs,
    response_excerpt: result.responseExcerpt,
    error: result.error,
  };
}
