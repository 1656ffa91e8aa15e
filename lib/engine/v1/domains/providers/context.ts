import type { Provider, ProviderProfile } from "./schema";
import type { ProviderRules } from "./rules";
import { dayNumber } from "../../dates";

export interface ProviderCtx {
  rules: ProviderRules;
  profile: ProviderProfile;
  asOfDay: number;
  zip3: number;
  capDays: number;
  targetDays: number;
}

export function prepareProviders(profile: ProviderProfile, rules: ProviderRules, asOfDay: number): ProviderCtx {
  return {
    rules,
    profile,
    asOfDay,
    zip3: zip3(profile.zip),
    capDays: rules.filters.availability_cap_days[profile.urgency],
    targetDays: rules.placement.target_days[profile.urgency],
  };
}

export function zip3(zip: string): number {
  return (zip.charCodeAt(0) - 48) * 100 + (zip.charCodeAt(1) - 48) * 10 + (zip.charCodeAt(2) - 48);
}

/** The provider's network entry for the member's plan, if any. */
export function networkOf(x: ProviderCtx, c: Provider): Provider["networks"][number] | undefined {
  const plan = x.profile.plan;
  for (let i = 0; i < c.networks.length; i++) if (c.networks[i].plan === plan) return c.networks[i];
  return undefined;
}

export function clampLevel(n: number): number {
  return n < 1 ? 1 : n > 4 ? 4 : n;
}

export function providerAgeDays(x: ProviderCtx, c: Provider): number {
  return x.asOfDay - dayNumber(c.last_verified);
}

function miss(absent: boolean, name: string, names: string[] | null): number {
  if (!absent) return 0;
  if (names) names.push(name);
  return 1;
}

/** Counts the missing directory fields the scorers rely on; lists them when `names` is given. */
export function providerMissing(_x: ProviderCtx, c: Provider, names: string[] | null): number {
  return (
    miss(c.accepting_new_patients == null, "accepting_new_patients", names) +
    miss(c.next_available_days == null, "next_available_days", names) +
    miss(c.quality_stars == null, "quality_stars", names) +
    miss(c.patient_experience == null, "patient_experience", names) +
    miss(c.rate_index == null, "rate_index", names) +
    miss(c.cost_tier == null, "cost_tier", names) +
    miss(c.board_certified == null, "board_certified", names)
  );
}
