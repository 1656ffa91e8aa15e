/** The demo pools every installation ships with, generated reproducibly (never read from disk). */
import type { Carrier } from "../../engine/domains/carriers/schema";
import type { Provider } from "../../engine/domains/providers/schema";
import { generateCarriers, isTier1 } from "./carriers";
import { generateProviders } from "./providers";

export { generateCarriers, isTier1, CARRIERS_REFERENCE_DATE } from "./carriers";
export { generateProviders, PROVIDERS_REFERENCE_DATE } from "./providers";
export { mulberry32 } from "./prng";

export type DemoPool =
  | { id: "carriers:all" | "carriers:tier1"; domain: "carriers"; name: string; description: string; candidates: Carrier[] }
  | { id: "providers:network"; domain: "providers"; name: string; description: string; candidates: Provider[] };

export function demoPools(): DemoPool[] {
  const carriers = generateCarriers();
  return [
    {
      id: "carriers:all",
      domain: "carriers",
      name: "All carriers",
      description: "Every carrier the demo brokerage can place with: admitted, E&S and hybrid, national and regional (fictional appetite data).",
      candidates: carriers,
    },
    {
      id: "carriers:tier1",
      domain: "carriers",
      name: "Tier 1 carriers",
      description: "Carriers rated A- or better by AM Best with financial size VIII ($100M+ surplus) or larger.",
      candidates: carriers.filter(isTier1),
    },
    {
      id: "providers:network",
      domain: "providers",
      name: "Provider network",
      description: "In-network clinicians and clinics of a West-coast regional health plan network (fictional directory data).",
      candidates: generateProviders(),
    },
  ];
}
