/** Referral eligibility filters, in the order applied; the first failure is the recorded reason. */
import type { FilterDef } from "../../types";
import { PLAN_LABELS, SPECIALTY_LABELS, type Provider } from "./schema";
import { type ProviderCtx, networkOf, zip3 } from "./context";

type F = FilterDef<ProviderCtx, Provider>;

const specialty: F = {
  code: "specialty_mismatch",
  text: "The provider's specialty is not the one the referral needs.",
  fails: (x, c) => c.specialty !== x.profile.specialty,
  explain: (x, c) => ({
    rule: `provider specialty must be ${SPECIALTY_LABELS[x.profile.specialty].toLowerCase()}`,
    values: { specialty: x.profile.specialty, provider_specialty: c.specialty },
  }),
};

const state: F = {
  code: "out_of_state",
  text: "The provider practices in another state than the member.",
  fails: (x, c) => c.state !== x.profile.state,
  explain: (x, c) => ({ rule: `provider must practice in ${x.profile.state}`, values: { state: x.profile.state, provider_state: c.state } }),
};

const network: F = {
  code: "out_of_network",
  text: "The provider is not in the member's plan network.",
  fails: (x, c) => networkOf(x, c) === undefined,
  explain: (x, c) => ({
    rule: `provider must be in the ${PLAN_LABELS[x.profile.plan]} network`,
    values: { plan: x.profile.plan, provider_networks: c.networks.map((n) => n.plan) },
  }),
};

const accepting: F = {
  code: "not_accepting_new_patients",
  text: "The directory says the provider is not accepting new patients.",
  fails: (_x, c) => c.accepting_new_patients === false,
  explain: (_x, c) => ({ rule: "provider must not be closed to new patients", values: { accepting_new_patients: c.accepting_new_patients ?? null } }),
};

const ageGroup: F = {
  code: "age_group_not_served",
  text: "The provider does not see patients of the member's age group.",
  fails: (x, c) => x.profile.age_group !== undefined && c.age_groups !== undefined && !c.age_groups.includes(x.profile.age_group),
  explain: (x, c) => ({
    rule: `provider must see ${x.profile.age_group ?? "any"} patients`,
    values: { age_group: x.profile.age_group ?? null, provider_age_groups: c.age_groups ?? null },
  }),
};

const availability: F = {
  code: "availability_over_cap",
  text: "The first available appointment is later than the longest acceptable wait for the urgency.",
  fails: (x, c) => c.next_available_days != null && c.next_available_days > x.capDays,
  explain: (x, c) => ({
    rule: `first appointment within ${x.capDays} days for a ${x.profile.urgency} referral`,
    values: { urgency: x.profile.urgency, next_available_days: c.next_available_days ?? null, cap_days: x.capDays },
  }),
};

const distance: F = {
  code: "too_far",
  text: "The provider's office is too far from the member (gap between 3-digit ZIP prefixes above the limit).",
  fails: (x, c) => Math.abs(zip3(c.zip) - x.zip3) > x.rules.filters.max_zip3_gap,
  explain: (x, c) => ({
    rule: `office ZIP prefix within ${x.rules.filters.max_zip3_gap} of the member's`,
    values: { zip: x.profile.zip, provider_zip: c.zip, zip3_gap: Math.abs(zip3(c.zip) - x.zip3), max_zip3_gap: x.rules.filters.max_zip3_gap },
  }),
};

export const PROVIDER_FILTERS: readonly F[] = [specialty, state, network, distance, accepting, ageGroup, availability];
