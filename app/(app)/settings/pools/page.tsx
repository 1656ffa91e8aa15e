import type { Metadata } from "next";
import { PoolsPanel } from "@/components/settings/pools-panel";
import { StaleCarriersPanel } from "@/components/settings/stale-carriers";

export const metadata: Metadata = { title: "Pools" };

export default function PoolsPage() {
  return (
    <>
      <PoolsPanel />
      <StaleCarriersPanel />
    </>
  );
}
