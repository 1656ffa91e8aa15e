import type { DomainPack } from "../../types";
import { buildFieldMeta } from "../../field-meta";
import { STATE_NAMES } from "../../geo";
import {
  AGE_GROUP_LABELS,
  LANGUAGE_NAMES,
  PLAN_LABELS,
  ProviderProfileSchema,
  ProviderSchema,
  SPECIALTY_LABELS,
  URGENCY_LABELS,
  type Provider,
  type ProviderProfile,
} from "./schema";
import { PROVIDER_RULES, type ProviderRules } from "./rules";
import { type ProviderCtx, prepareProviders, providerAgeDays, providerMissing } from "./context";
import { PROVIDER_FILTERS } from "./filters";
import { PROVIDER_SCORERS } from "./scorers";
import { providerReasoning } from "./reasoning";

export const providersDomain: DomainPack<ProviderProfile, Provider, ProviderRules, ProviderCtx> = {
  id: "providers",
  label: "Provider network",
  description: "Which in-network providers can see this member, and which fit best, for a care referral.",
  profileSchema: ProviderProfileSchema,
  candidateSchema: ProviderSchema,
  defaultRules: PROVIDER_RULES,
  fieldMeta: buildFieldMeta(ProviderProfileSchema, {
    state: STATE_NAMES,
    specialty: SPECIALTY_LABELS,
    plan: PLAN_LABELS,
    urgency: URGENCY_LABELS,
    language: LANGUAGE_NAMES,
    age_group: AGE_GROUP_LABELS,
  }),
  filterCodes: PROVIDER_FILTERS.map((f) => f.code),
  filterRuleText: Object.fromEntries(PROVIDER_FILTERS.map((f) => [f.code, f.text])),
  exampleProfile: { entity: "member-4821", specialty: "cardiology", state: "CA", zip: "94110", plan: "cascade_ppo", urgency: "routine" },
  // Engine 1 judged distance by the gap between ZIP prefixes; engine 2 measures miles between ZIP
  // centroids against the county's standard, so those two rules have no faithful translation.
  legacyRules: [
    {
      path: "filters.max_zip3_gap",
      note: "engine 2 measures miles between ZIP centroids against the county's distance standard (filters.max_standard_multiple, default 3)",
    },
    {
      path: "placement.distance_levels",
      elementKey: "max_zip3_gap",
      note: "engine 2 sets the distance level by measured miles as a multiple of the standard (placement.distance_levels[].max_standard_multiple)",
    },
  ],
  engine: {
    prepare: prepareProviders,
    filters: PROVIDER_FILTERS,
    scorers: PROVIDER_SCORERS,
    dataAgeDays: providerAgeDays,
    missingCount: (x, c) => providerMissing(x, c, null),
    missingFields: (x, c) => {
      const names: string[] = [];
      providerMissing(x, c, names);
      return names;
    },
    reasoning: providerReasoning,
  },
};

export * from "./schema";
export { PROVIDER_RULES, type ProviderRules } from "./rules";
