import type { Metadata } from "next";
import { requireSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { listWebhookDeliveries } from "@/lib/webhooks/deliveries";
import { WebhookSecretPanel } from "@/components/settings/webhook-secret-panel";
import { TestEventPanel } from "@/components/settings/test-event-panel";
import { DeliveriesPanel } from "@/components/settings/deliveries-panel";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

const STATUSES = ["pending", "succeeded", "failed"] as const;
type Status = (typeof STATUSES)[number];
// Defined here, not in the (client) panel: a server component gets only references from a client module.
const PAGE_SIZE = 20;

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { principal } = await requireSession("/settings/webhooks");
  const raw = (await searchParams).status;
  const status = STATUSES.includes(raw as Status) ? (raw as Status) : undefined;
  // The layout shows non-admins a notice instead of this page; the data stays admin-only too.
  // The first page is rendered here with the function GET /api/v1/webhook-deliveries calls; the
  // panel loads further pages and refreshes through that route.
  const first =
    principal.role === "admin" ? await listWebhookDeliveries(prisma(), principal.organizationId, { limit: PAGE_SIZE, status }) : { data: [], has_more: false };
  return (
    <>
      <WebhookSecretPanel />
      <TestEventPanel />
      <DeliveriesPanel first={first} pageSize={PAGE_SIZE} status={status ?? ""} />
    </>
  );
}
