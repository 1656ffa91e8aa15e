import type { Metadata } from "next";
import { requireSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { listRecentDeliveries } from "@/lib/webhooks/deliveries";
import { WebhookSecretPanel } from "@/components/settings/webhook-secret-panel";
import { DeliveriesPanel } from "@/components/settings/deliveries-panel";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

const STATUSES = ["pending", "succeeded", "failed"] as const;
type Status = (typeof STATUSES)[number];

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { principal } = await requireSession("/settings/webhooks");
  const raw = (await searchParams).status;
  const status = STATUSES.includes(raw as Status) ? (raw as Status) : undefined;
  // The layout shows non-admins a notice instead of this page; the data stays admin-only too.
  const deliveries = principal.role === "admin" ? (await listRecentDeliveries(prisma(), principal.organizationId, { limit: 50, status })).data : [];
  return (
    <>
      <WebhookSecretPanel />
      <DeliveriesPanel deliveries={deliveries} status={status ?? ""} />
    </>
  );
}
