import { describe, expect, it } from "vitest";
import { DOMAINS, evaluate, explain, type Dimension, type Level, type Provider, type ProviderProfile } from "@/lib/engine";
import { AS_OF, PROVIDER_PROFILE, provider } from "./fixtures";

function ex(c: Provider, profile: ProviderProfile = PROVIDER_PROFILE) {
  return explain("providers", profile, c, { asOf: AS_OF });
}
function level(d: Dimension, c: Provider, profile?: ProviderProfile): Level {
  const e = ex(c, profile);
  if (!e.eligible) throw new Error(`fixture was filtered: ${e.filter.code}`);
  return e.dimensions[d].level;
}

describe("provider filters", () => {
  it("keeps the baseline fixture, L1 everywhere", () => {
    const e = ex(provider());
    expect(
      e.eligible &&
        Object.values(e.dimensions)
          .map((d) => d.level)
          .join(""),
    ).toBe("L1L1L1L1L1L1");
  });

  it.each<[string, string, Provider, ProviderProfile]>([
    ["other specialty", "specialty_mismatch", provider({ specialty: "neurology" }), PROVIDER_PROFILE],
    ["other state", "out_of_state", provider({ state: "NV", zip: "89101" }), PROVIDER_PROFILE],
    ["not in the plan", "out_of_network", provider({ networks: [{ plan: "sierra_hmo", tier: 1 }] }), PROVIDER_PROFILE],
    ["office too far", "too_far", provider({ zip: "90210" }), PROVIDER_PROFILE],
    ["closed to new patients", "not_accepting_new_patients", provider({ accepting_new_patients: false }), PROVIDER_PROFILE],
    ["pediatric-only provider, adult member", "age_group_not_served", provider({ age_groups: ["pediatric"] }), { ...PROVIDER_PROFILE, age_group: "adult" }],
    ["first opening after the urgent cap", "availability_over_cap", provider({ next_available_days: 10 }), { ...PROVIDER_PROFILE, urgency: "urgent" }],
  ])("%s → %s", (_n, code, c, profile) => {
    const e = ex(c, profile);
    expect(e.eligible ? null : e.filter.code).toBe(code);
    const { trace, result } = evaluate("providers", profile, [c], { asOf: AS_OF });
    expect(trace.eliminated[code]).toEqual([c.id]);
    expect(result.filtered).toBe(0);
  });

  it("has a rule text for each filter code", () => {
    for (const code of DOMAINS.providers.filterCodes) expect(DOMAINS.providers.filterRuleText[code]?.length).toBeGreaterThan(20);
  });
});

describe("provider dimensions", () => {
  it.each<[Dimension, string, Level, Partial<Provider>, Partial<ProviderProfile>]>([
    ["appetite", "Spanish requested and spoken", "L1", {}, { language: "es" }],
    ["appetite", "unknown intake, no Vietnamese, referral required", "L4", { accepting_new_patients: null, referral_required: true }, { language: "vi" }],
    ["coverage", "tier 2", "L2", { networks: [{ plan: "cascade_ppo", tier: 2 }] }, {}],
    ["coverage", "tier 3 with prior auth", "L4", { networks: [{ plan: "cascade_ppo", tier: 3, prior_auth: true }] }, {}],
    ["financial", "cost tier 2", "L2", { cost_tier: 2 }, {}],
    ["financial", "cost tier 3 plus facility fee", "L4", { cost_tier: 3, facility_fee: true }, {}],
    ["pricing", "at the median", "L2", { rate_index: 100 }, {}],
    ["pricing", "30% above the median", "L4", { rate_index: 130 }, {}],
    ["placement", "10 days for a soon referral (7-day target)", "L2", { next_available_days: 10 }, {}],
    ["placement", "25 days for a soon referral", "L4", { next_available_days: 25 }, {}],
    ["placement", "8.7 mi: within the 10-mi large-metro cardiology standard", "L2", { zip: "94066" }, {}],
    ["placement", "21.4 mi: over 2× the standard", "L4", { zip: "94063" }, {}],
    ["service", "4.2 stars, 80 experience", "L2", { quality_stars: 4.2, patient_experience: 80 }, {}],
    ["service", "2.5 stars", "L4", { quality_stars: 2.5, patient_experience: 55 }, {}],
    ["service", "excellent but not board certified", "L2", { board_certified: false }, {}],
  ])("%s: %s → %s", (d, _n, expected, c, profile) => {
    expect(level(d, provider(c), { ...PROVIDER_PROFILE, ...profile })).toBe(expected);
  });

  it("lowers confidence for directory entries older than 90 days", () => {
    const conf = (last_verified: string | null) => {
      const e = ex(provider({ last_verified }));
      return e.eligible ? e.confidence.confidence : null;
    };
    expect(conf("2026-11-01")).toBe("HIGH");
    expect(conf("2026-07-01")).toBe("MEDIUM");
    expect(conf("2026-03-01")).toBe("LOW");
    expect(conf(null)).toBe("LOW");
  });

  it("writes a specific reasoning sentence", () => {
    const e = ex(provider({ next_available_days: 10 }), { ...PROVIDER_PROFILE, language: "es" });
    expect(e.eligible && e.reasoning).toBe(
      "Strong cardiology (electrophysiology) fit for a soon referral, Spanish-speaking; Cascade Health PPO tier 1; next opening in 10 days (7-day target), 1.0 mi away (10-mi standard) is the weakest point.",
    );
  });
});
