import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newWebhookSecret } from "@/lib/webhooks/secret";

// An organization signs with its current secret and, for 24 h after a rotation, with the previous
// one too (both signatures, space-separated), so receivers can switch without dropping deliveries.
export const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

export async function rotateWebhookSecret(db: PrismaClient, organizationId: string) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const secret = newWebhookSecret();
  await db.organization.update({
    where: { id: organizationId },
    data: { webhookSecret: secret, webhookSecretPrevious: org.webhookSecret, webhookSecretRotatedAt: new Date() },
  });
  return { secret };
}

/** The secrets to sign with now: the current one, plus the previous one during the overlap. */
export function signingSecrets(
  org: { webhookSecret: string | null; webhookSecretPrevious: string | null; webhookSecretRotatedAt: Date | null },
  now: Date,
): string[] {
  const secrets = org.webhookSecret ? [org.webhookSecret] : [];
  if (org.webhookSecretPrevious && org.webhookSecretRotatedAt && now.getTime() - org.webhookSecretRotatedAt.getTime() < ROTATION_OVERLAP_MS) {
    secrets.push(org.webhookSecretPrevious);
  }
  return secrets;
}
