import type { Metadata } from "next";
import { ScoringPanel } from "@/components/settings/scoring-panel";

export const metadata: Metadata = { title: "Scoring" };

export default function ScoringPage() {
  return <ScoringPanel />;
}
