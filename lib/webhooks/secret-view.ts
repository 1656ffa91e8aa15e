import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ROTATION_OVERLAP_MS } from "@/lib/webhooks/org-secret";
import type { WebhookSecretView } from "@/lib/webhooks/schemas";

/** The current signing secret, and until when the previous one still signs (the 24 h overlap). */
export async function getWebhookSecret(db: PrismaClient, organizationId: string): Promise<WebhookSecretView> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { webhookSecret: true, webhookSecretPrevious: true, webhookSecretRotatedAt: true },
  });
  const until = org.webhookSecretPrevious && org.webhookSecretRotatedAt ? new Date(org.webhookSecretRotatedAt.getTime() + ROTATION_OVERLAP_MS) : null;
  return {
    secret: org.webhookSecret ?? "",
    rotated_at: org.webhookSecretRotatedAt?.toISOString() ?? null,
    previous_valid_until: until && until.getTime() > Date.now() ? until.toISOString() : null,
  };
}
