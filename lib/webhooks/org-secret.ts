import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newWebhookSecret } from "@/lib/webhooks/secret";

// An organization signs with its current secret and, for 24 h after a rotation, with the previous
// one too (both signatures, space-separated), so receivers can switch without dropping deliveries.
export const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

export async function rotateWebhookSecret(db: PrismaClient, organizationId: string) {
  const secret = newWebhookSecret();
  // One statement: the previous secret is whatever is current when the row is written (the row
  // lock orders two rotations), not what was read before, so a concurrent rotation's secret is
  // never dropped without its overlap.
  const count = await db.$executeRaw`
    UPDATE organizations
       SET webhook_secret_previous = webhook_secret, webhook_secret = ${secret},
           webhook_secret_rotated_at = (now() AT TIME ZONE 'UTC')
     WHERE id = ${organizationId}`;
  if (count !== 1) throw new Error(`organization ${organizationId} not found`);
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
