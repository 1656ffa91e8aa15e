import type { Metadata } from "next";
import { PoolsPanel } from "@/components/settings/pools-panel";

export const metadata: Metadata = { title: "Pools" };

export default function PoolsPage() {
  return <PoolsPanel />;
}
