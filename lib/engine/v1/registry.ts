import type { DeepPartial, DomainPack } from "./types";
import { carriersDomain, type Carrier, type CarrierRules } from "./domains/carriers";
import { providersDomain, type Provider, type ProviderRules } from "./domains/providers";

export const DOMAINS: Record<string, DomainPack> = {
  carriers: carriersDomain,
  providers: providersDomain,
};

export function getDomain(id: string): DomainPack | undefined {
  return Object.hasOwn(DOMAINS, id) ? DOMAINS[id] : undefined;
}

export type Rules = CarrierRules | ProviderRules;
/** Per-organization overrides: any subset of a domain's rules; arrays replace the default. */
export type RuleOverrides = DeepPartial<CarrierRules> | DeepPartial<ProviderRules>;
export type Candidate = Carrier | Provider;

/** Human description of every filter code of every domain (codes are unique across domains). */
export const filterRuleText: Record<string, string> = {
  ...carriersDomain.filterRuleText,
  ...providersDomain.filterRuleText,
};
