/** Hand-built candidates and profiles for the engine tests: small, explicit, one knob per test. */
import type { Carrier, CarrierLine, CarrierProfile, Provider, ProviderProfile } from "@/lib/engine";

export const AS_OF = "2026-11-28T00:00:00Z";
export const SEED_PROFILE: CarrierProfile = { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12_000_000 };
/** The seed profile with every field the fixture carrier's guide checks: no profile gaps. */
export const FULL_PROFILE: CarrierProfile = { ...SEED_PROFILE, naics: "541511", years_in_business: 8, prior_claims: 0, deductible: 5000 };

/** A carrier that is eligible for SEED_PROFILE and scores L1 on every dimension. */
export function carrier(overrides: Partial<Carrier> = {}, line: Partial<CarrierLine> = {}): Carrier {
  return {
    id: "car_test",
    name: "Testline Mutual",
    naic_code: "12345",
    naic_group_code: null,
    am_best_rating: "A+",
    am_best_outlook: "stable",
    financial_size: "XII",
    market_type: "admitted",
    admitted_states: ["AZ", "CA", "NV", "OR", "WA"],
    surplus_lines_states: [],
    lines: {
      professional_liability: {
        appetite: "target",
        revenue_min: 10_000_000,
        revenue_max: 15_000_000,
        target_naics: ["5415"],
        excluded_naics: ["484121"],
        max_limit: 5_000_000,
        min_premium: 1500,
        min_retention: 2500,
        rate_position: -8,
        features: ["prior_acts", "defense_outside_limits", "consent_to_settle", "first_dollar_defense"],
        min_years_in_business: 3,
        max_prior_claims: 2,
        ...line,
      },
    },
    placement: { quote_turnaround_days: 2, hit_ratio: 0.4, binding_authority: true, submission_channel: "api" },
    service: { claims_satisfaction: 4.6, naic_complaint_index: 0.5 },
    last_verified: "2026-10-01",
    ...overrides,
  };
}

export const PROVIDER_PROFILE: ProviderProfile = {
  entity: "member-4821",
  specialty: "cardiology",
  state: "CA",
  zip: "94110",
  plan: "cascade_ppo",
  urgency: "soon",
};

/** A provider that is eligible for PROVIDER_PROFILE and scores L1 on every dimension. */
export function provider(overrides: Partial<Provider> = {}): Provider {
  return {
    id: "prv_test",
    name: "Dr. Test Example",
    npi: "1234567893",
    specialty: "cardiology",
    subspecialties: ["electrophysiology"],
    state: "CA",
    zip: "94107",
    networks: [{ plan: "cascade_ppo", tier: 1, prior_auth: false }],
    accepting_new_patients: true,
    next_available_days: 3,
    languages: ["en", "es"],
    age_groups: ["adult", "geriatric"],
    referral_required: false,
    quality_stars: 4.8,
    cost_tier: 1,
    facility_fee: false,
    rate_index: 85,
    patient_experience: 92,
    board_certified: true,
    last_verified: "2026-11-01",
    ...overrides,
  };
}

export function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}
