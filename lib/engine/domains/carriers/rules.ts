/**
 * Carrier rules as data: every threshold, weight and cut-off the carriers domain uses. An
 * organization may override any of them (deep-partial); docs/scoring.md explains each one.
 * Levels are numbers: 1 = L1 (best) … 4 = L4.
 */
import type { BaseRules, ConfidenceRules } from "../../types";
import type { AmBestRating, AppetiteStrength, FinancialSize } from "./schema";
import { LINE_FEATURES, LINES, type Line } from "./lines";
import { SURPLUS_LINES_BY_STATE, type SurplusLinesRow } from "./surplus-lines";
import type { State } from "../../geo";

export interface LevelByRating {
  level: number;
  min_rating: AmBestRating;
  min_size: FinancialSize;
}

/** Importance of each carrier figure for confidence: a missing rate position weighs more than a missing hit ratio. */
export interface MissingWeights {
  financial_size: number;
  max_limit: number;
  rate_position: number;
  features: number;
  min_premium: number;
  quote_turnaround_days: number;
  hit_ratio: number;
  claims_satisfaction: number;
  naic_complaint_index: number;
}

export interface CarrierRules extends BaseRules {
  confidence: ConfidenceRules & { missing_weights: MissingWeights; medium_profile_gaps: number; low_profile_gaps: number };
  filters: {
    /** Worst acceptable AM Best rating. */
    min_am_best: AmBestRating;
    /** Whether a carrier without an AM Best rating may pass. */
    allow_not_rated: boolean;
    /** Smallest acceptable financial size category, or null for no floor. */
    min_financial_size: FinancialSize | null;
    /** Whether surplus-lines (E&S) eligibility in the home state counts as available. */
    allow_surplus_lines: boolean;
  };
  appetite: {
    base_level: Record<AppetiteStrength, number>;
    /** Levels gained when the profile's NAICS code is one of the line's target classes. */
    naics_target_bonus: number;
    /** Levels lost when the carrier's guide lists classes for the line and the profile's NAICS is not among them (class unknown). */
    naics_off_target_penalty: number;
    /** Revenue within this % of the band's floor or ceiling counts as "at the edge". */
    band_edge_pct: number;
    band_edge_penalty: number;
  };
  coverage: {
    /** Limit assumed when the profile requests none (a common $1M per-claim limit). */
    default_requested_limit: number;
    key_features: Record<Line, string[]>;
    /** First row the carrier meets gives the level; none met gives L4. */
    levels: { level: number; min_headroom: number; min_key_features: number }[];
    /** Headroom assumed when the carrier publishes no maximum limit. */
    unknown_limit_headroom: number;
  };
  financial: {
    levels: LevelByRating[];
    negative_outlook_penalty: number;
  };
  pricing: {
    /**
     * Engine 1 added one flat percentage for surplus-lines tax and fees. null (the default): the
     * home state's tax and stamping fee from `surplus_lines.states`; a number still replaces them
     * for every state (kept so rule sets saved for engine 1 keep working).
     */
    surplus_lines_tax_pct: number | null;
    /** Market reference rate per exposure unit and line (per $1,000 revenue, per $100 payroll or TIV, per power unit, per $1M underlying limit). */
    reference_rates: Record<Line, number>;
    /** Indicated premium incl. SL tax and fees against the market reference premium, in %: first row it is at or under gives the level. */
    levels: { level: number; max_rate_position: number }[];
    unknown_level: number;
  };
  placement: {
    fast_turnaround_days: number;
    fast_turnaround_points: number;
    ok_turnaround_days: number;
    ok_turnaround_points: number;
    high_hit_ratio: number;
    high_hit_ratio_points: number;
    ok_hit_ratio: number;
    ok_hit_ratio_points: number;
    binding_authority_points: number;
    api_channel_points: number;
    /** E&S placements usually need declinations from admitted markets first. */
    surplus_lines_points: number;
    levels: { level: number; min_points: number }[];
    /**
     * Engine 2.1, opt-in: the organization's own quote rate for a carrier in the profile's line
     * (quotes ÷ submissions in its market plans) stands in for the published hit ratio once there
     * are at least `min_submissions`; `weight` blends the two (1 = observed only).
     */
    observed_quote_rate: {
      enabled: boolean;
      min_submissions: number;
      weight: number;
      /** Submissions of the last this many days before the job count. */
      lookback_days: number;
    };
  };
  service: {
    levels: { level: number; min_claims_satisfaction: number; max_complaint_index: number }[];
    /** Best level possible when one of the two figures is missing. */
    partial_data_best_level: number;
    no_data_level: number;
  };
  ranking: {
    /** Within a tier, admitted candidates rank ahead of surplus-lines ones (surplus lines is a second path). */
    admitted_first: boolean;
  };
  /** Per home state: admitted declinations required before an SL placement, SL tax and stamping fee (surplus-lines.ts). */
  surplus_lines: { states: Record<State, SurplusLinesRow> };
  /** How far outside a filter's threshold an eliminated carrier may be and still be listed as "almost eligible". */
  near_miss: {
    /** Revenue or exposure within this % outside the band. */
    band_pct: number;
    /** Indicated premium within this % under the carrier's minimum premium. */
    min_premium_pct: number;
    /** Requested limit at most this multiple of the carrier's maximum limit (the rest bought as excess). */
    limit_multiple: number;
    /** Years in business at most this many short of the minimum. */
    years_short: number;
    /** Prior claims at most this many over the maximum. */
    claims_over: number;
    /** Workers' compensation experience mod at most this much over the carrier's maximum. */
    experience_mod_over: number;
    /** Requested deductible at least this fraction of the carrier's minimum retention. */
    retention_fraction: number;
    /** AM Best rating at most this many notches under the floor (never for unrated carriers). */
    rating_notches: number;
  };
  effective_date: {
    /** An effective date more than this many days before the job's as-of date is rejected. */
    grace_days: number;
  };
}

function keyFeatures(): Record<Line, string[]> {
  const out = {} as Record<Line, string[]>;
  for (const line of LINES) out[line] = LINE_FEATURES[line].slice(0, 5);
  return out;
}

export const CARRIER_RULES: CarrierRules = {
  weights: { appetite: 30, coverage: 15, financial: 20, pricing: 15, placement: 10, service: 10 },
  level_points: [100, 70, 40, 10],
  tier: {
    strong_min_score: 75,
    strong_max_appetite_level: 2,
    strong_max_any_level: 3,
    moderate_min_score: 55,
    moderate_max_appetite_level: 3,
  },
  confidence: {
    medium_after_days: 180,
    low_after_days: 365,
    medium_missing_fields: 1,
    low_missing_fields: 3,
    missing_weights: {
      financial_size: 1,
      max_limit: 1,
      rate_position: 2,
      features: 1,
      min_premium: 1,
      quote_turnaround_days: 0.5,
      hit_ratio: 0.5,
      claims_satisfaction: 0.5,
      naic_complaint_index: 0.5,
    },
    medium_profile_gaps: 1,
    low_profile_gaps: 4,
  },
  filters: {
    min_am_best: "B+",
    allow_not_rated: false,
    min_financial_size: null,
    allow_surplus_lines: true,
  },
  appetite: {
    base_level: { target: 1, consider: 2, limited: 3 },
    naics_target_bonus: 1,
    naics_off_target_penalty: 1,
    band_edge_pct: 10,
    band_edge_penalty: 1,
  },
  coverage: {
    default_requested_limit: 1_000_000,
    key_features: keyFeatures(),
    levels: [
      { level: 1, min_headroom: 3, min_key_features: 3 },
      { level: 2, min_headroom: 2, min_key_features: 2 },
      { level: 3, min_headroom: 1, min_key_features: 1 },
    ],
    unknown_limit_headroom: 1,
  },
  financial: {
    levels: [
      { level: 1, min_rating: "A", min_size: "VIII" },
      { level: 2, min_rating: "A-", min_size: "V" },
      { level: 3, min_rating: "B+", min_size: "I" },
    ],
    negative_outlook_penalty: 1,
  },
  pricing: {
    surplus_lines_tax_pct: null,
    reference_rates: {
      general_liability: 3,
      professional_liability: 2,
      property: 0.3,
      workers_compensation: 1.5,
      commercial_auto: 3500,
      cyber: 1,
      directors_officers: 1.2,
      employment_practices: 0.8,
      umbrella: 1500,
      product_liability: 2.5,
      business_owners: 1.5,
      inland_marine: 0.4,
      crime: 0.3,
    },
    levels: [
      { level: 1, max_rate_position: -5 },
      { level: 2, max_rate_position: 5 },
      { level: 3, max_rate_position: 15 },
    ],
    unknown_level: 3,
  },
  placement: {
    fast_turnaround_days: 2,
    fast_turnaround_points: 2,
    ok_turnaround_days: 5,
    ok_turnaround_points: 1,
    high_hit_ratio: 0.35,
    high_hit_ratio_points: 2,
    ok_hit_ratio: 0.2,
    ok_hit_ratio_points: 1,
    binding_authority_points: 1,
    api_channel_points: 1,
    surplus_lines_points: -1,
    levels: [
      { level: 1, min_points: 4 },
      { level: 2, min_points: 2 },
      { level: 3, min_points: 1 },
    ],
    observed_quote_rate: { enabled: false, min_submissions: 5, weight: 1, lookback_days: 365 },
  },
  service: {
    levels: [
      { level: 1, min_claims_satisfaction: 4.2, max_complaint_index: 0.9 },
      { level: 2, min_claims_satisfaction: 3.6, max_complaint_index: 1.4 },
      { level: 3, min_claims_satisfaction: 3.2, max_complaint_index: 2.0 },
    ],
    partial_data_best_level: 2,
    no_data_level: 3,
  },
  ranking: { admitted_first: true },
  surplus_lines: { states: SURPLUS_LINES_BY_STATE },
  near_miss: {
    band_pct: 10,
    min_premium_pct: 25,
    limit_multiple: 2,
    years_short: 1,
    claims_over: 1,
    experience_mod_over: 0.1,
    retention_fraction: 0.5,
    rating_notches: 1,
  },
  effective_date: { grace_days: 30 },
};
