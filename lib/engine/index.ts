/**
 * Nexio's evaluation engine: profile + pool snapshot in, ranked result + compact trace out.
 * Pure — no I/O, no clock, no randomness — so results can be recomputed and audited.
 */
export { ENGINE_VERSION } from "./version";
export {
  DIMENSIONS,
  LEVELS,
  TIERS,
  CONFIDENCES,
  type Dimension,
  type Level,
  type Tier,
  type Confidence,
  type RankedCandidate,
  type EvaluationResult,
  type CompactTrace,
  type ScoredEntry,
  type NearMiss,
  type FilterFailure,
  type CandidateExplanation,
  type DimensionExplanation,
  type DomainPack,
  type FieldMeta,
  type BaseRules,
  type TierRules,
  type ConfidenceRules,
  type DeepPartial,
  type ObservedMarket,
} from "./types";
export { DOMAINS, getDomain, filterRuleText, type Rules, type RuleOverrides, type PoolCandidate } from "./registry";
export { evaluate, explain, resolveRules, UnknownDomainError, type EvaluationContext } from "./evaluate";
export { RuleOverrideError, rulesHash } from "./rules";
export { STATES, STATE_NAMES, type State } from "./geo";
export {
  LINES,
  LINE_LABELS,
  LINE_SHORT,
  LINE_FEATURES,
  AM_BEST_RATINGS,
  FINANCIAL_SIZES,
  CarrierProfileSchema,
  CarrierSchema,
  CARRIER_RULES,
  CARRIER_MARKETS,
  EXPOSURE_BASIS,
  EXPOSURE_FIELDS,
  EXPOSURE_UNITS,
  REGULATORY_RULES,
  MONOPOLISTIC_WC_STATES,
  SURPLUS_LINES_BY_STATE,
  surplusLinesRequirement,
  effectiveDateProblem,
  type CarrierMarket,
  type CarrierResultExtras,
  type SurplusLinesRequirement,
  type SurplusLinesRow,
  type ExposureField,
  type Line,
  type Carrier,
  type CarrierLine,
  type CarrierProfile,
  type CarrierRules,
} from "./domains/carriers";
export {
  SPECIALTIES,
  SPECIALTY_LABELS,
  PLANS,
  PLAN_LABELS,
  URGENCIES,
  LANGUAGES,
  LANGUAGE_NAMES,
  AGE_GROUPS,
  ProviderProfileSchema,
  ProviderSchema,
  PROVIDER_RULES,
  type Provider,
  type ProviderProfile,
  type ProviderRules,
} from "./domains/providers";
export { engineForTrace, type TraceEngine } from "./versions";
