/**
 * Provider-network rules as data (levels are numbers: 1 = L1 … 4 = L4). The six dimensions keep
 * their engine-wide names; for a referral they mean: appetite = will see this member, coverage =
 * network tier for the plan, financial = member cost tier, pricing = negotiated rate, placement =
 * availability and distance, service = quality and patient experience.
 */
import type { BaseRules } from "../../types";
import type { Urgency } from "./schema";

export interface ProviderRules extends BaseRules {
  filters: {
    /** Longest acceptable wait for the first appointment, per urgency. */
    availability_cap_days: Record<Urgency, number>;
    /** Farthest acceptable office, as the gap between 3-digit ZIP prefixes (a metro area spans a few). */
    max_zip3_gap: number;
  };
  appetite: {
    unknown_accepting_penalty: number;
    language_mismatch_penalty: number;
    referral_required_penalty: number;
  };
  coverage: {
    /** Level per network tier: index 0 → tier 1. */
    tier_level: [number, number, number];
    prior_auth_penalty: number;
  };
  financial: {
    cost_tier_level: [number, number, number];
    facility_fee_penalty: number;
    unknown_level: number;
  };
  pricing: {
    levels: { level: number; max_rate_index: number }[];
    unknown_level: number;
  };
  placement: {
    /** Target wait per urgency; the wait's multiple of it sets the availability level. */
    target_days: Record<Urgency, number>;
    availability_levels: { level: number; max_target_multiple: number }[];
    unknown_availability_level: number;
    /** Distance is estimated from the gap between 3-digit ZIP prefixes. */
    distance_levels: { level: number; max_zip3_gap: number }[];
  };
  service: {
    levels: { level: number; min_stars: number; min_experience: number }[];
    not_board_certified_penalty: number;
    partial_data_best_level: number;
    no_data_level: number;
  };
}

export const PROVIDER_RULES: ProviderRules = {
  weights: { appetite: 20, coverage: 20, financial: 10, pricing: 10, placement: 25, service: 15 },
  level_points: [100, 70, 40, 10],
  tier: {
    strong_min_score: 75,
    strong_max_appetite_level: 2,
    strong_max_any_level: 3,
    moderate_min_score: 55,
    moderate_max_appetite_level: 3,
  },
  confidence: {
    medium_after_days: 90,
    low_after_days: 180,
    medium_missing_fields: 1,
    low_missing_fields: 3,
  },
  filters: {
    availability_cap_days: { routine: 90, soon: 30, urgent: 7 },
    max_zip3_gap: 20,
  },
  appetite: {
    unknown_accepting_penalty: 1,
    language_mismatch_penalty: 1,
    referral_required_penalty: 1,
  },
  coverage: {
    tier_level: [1, 2, 3],
    prior_auth_penalty: 1,
  },
  financial: {
    cost_tier_level: [1, 2, 3],
    facility_fee_penalty: 1,
    unknown_level: 3,
  },
  pricing: {
    levels: [
      { level: 1, max_rate_index: 90 },
      { level: 2, max_rate_index: 105 },
      { level: 3, max_rate_index: 120 },
    ],
    unknown_level: 3,
  },
  placement: {
    target_days: { routine: 21, soon: 7, urgent: 2 },
    availability_levels: [
      { level: 1, max_target_multiple: 1 },
      { level: 2, max_target_multiple: 2 },
      { level: 3, max_target_multiple: 3 },
    ],
    unknown_availability_level: 3,
    distance_levels: [
      { level: 1, max_zip3_gap: 0 },
      { level: 2, max_zip3_gap: 3 },
      { level: 3, max_zip3_gap: 10 },
    ],
  },
  service: {
    levels: [
      { level: 1, min_stars: 4.5, min_experience: 85 },
      { level: 2, min_stars: 4.0, min_experience: 75 },
      { level: 3, min_stars: 3.0, min_experience: 60 },
    ],
    not_board_certified_penalty: 1,
    partial_data_best_level: 2,
    no_data_level: 3,
  },
};
