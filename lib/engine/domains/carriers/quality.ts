/**
 * Data completeness and age of a carrier record, and the checks a profile left unmade: the
 * inputs of the confidence rule. Missing figures weigh by importance (rules.confidence.missing_weights):
 * an unknown rate position hides the price, an unknown hit ratio only blurs placement.
 */
import { dayNumber } from "../../dates";
import { money } from "../../format";
import type { Carrier } from "./schema";
import { type CarrierCtx, guideListsClasses } from "./context";

/** Age of the carrier's data at the later of as-of and the effective date (a policy incepting in six months is placed on data six months older). */
export function carrierAgeDays(x: CarrierCtx, c: Carrier): number {
  return x.ageDay - dayNumber(c.last_verified);
}

/** Weighted amount of missing figures the scorers and filters rely on; lists their names when `names` is given. */
export function carrierMissing(x: CarrierCtx, c: Carrier, names: string[] | null): number {
  const w = x.rules.confidence.missing_weights;
  const l = c.lines[x.line];
  const p = c.placement;
  const s = c.service;
  let sum = 0;
  const miss = (absent: boolean, weight: number, name: string) => {
    if (!absent) return;
    sum += weight;
    if (names) names.push(name);
  };
  // A financial size category exists only for rated companies: an unrated carrier lacks nothing.
  const rated = c.am_best_rating != null && c.am_best_rating !== "NR";
  miss(rated && c.financial_size == null, w.financial_size, "financial_size");
  miss(l?.max_limit == null, w.max_limit, x.lineFieldNames[0]);
  miss(l?.rate_position == null && l?.base_rate == null, w.rate_position, x.lineFieldNames[1]);
  miss(!l?.features || l.features.length === 0, w.features, x.lineFieldNames[2]);
  miss(l?.min_premium == null, w.min_premium, x.lineFieldNames[3]);
  miss(p?.quote_turnaround_days == null, w.quote_turnaround_days, "placement.quote_turnaround_days");
  miss(p?.hit_ratio == null, w.hit_ratio, "placement.hit_ratio");
  miss(s?.claims_satisfaction == null, w.claims_satisfaction, "service.claims_satisfaction");
  miss(s?.naic_complaint_index == null, w.naic_complaint_index, "service.naic_complaint_index");
  return sum;
}

/**
 * Checks the engine could not make because the profile lacks a field the carrier's guide needs
 * ("NAICS not given: class exclusions unchecked"). Counted per carrier: a gap only matters where
 * the guide has the threshold.
 */
export function carrierProfileGaps(x: CarrierCtx, c: Carrier, names: string[] | null): number {
  const l = c.lines[x.line];
  if (!l) return 0;
  let n = 0;
  if (x.naics === null && guideListsClasses(l)) {
    n++;
    names?.push("NAICS not given: class exclusions unchecked");
  }
  if (x.years === null && l.min_years_in_business != null) {
    n++;
    names?.push(`years in business not given: ${l.min_years_in_business}-year minimum unchecked`);
  }
  if (x.claims === null && l.max_prior_claims != null) {
    n++;
    names?.push(`prior claims not given: ${l.max_prior_claims}-claim maximum unchecked`);
  }
  if (x.line === "workers_compensation" && x.experienceModGiven === null && l.max_experience_mod != null) {
    n++;
    names?.push(`experience mod not given: ${l.max_experience_mod} maximum unchecked`);
  }
  if (x.deductible === null && l.min_retention != null) {
    n++;
    names?.push(`deductible not given: ${money(l.min_retention)} minimum retention unchecked`);
  }
  return n;
}
