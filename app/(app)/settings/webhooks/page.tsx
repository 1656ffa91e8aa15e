import type { Metadata } from "next";
import { WebhookSecretPanel } from "@/components/settings/webhook-secret-panel";

export const metadata: Metadata = { title: "Webhooks" };

export default function WebhooksPage() {
  return <WebhookSecretPanel />;
}
