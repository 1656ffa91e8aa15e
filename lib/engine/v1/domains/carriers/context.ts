import type { CarrierProfile, Carrier, CarrierLine } from "./schema";
import { ratingRank, sizeRank } from "./schema";
import type { CarrierRules } from "./rules";
import type { Line } from "./lines";

/** Everything about the profile and rules that evaluate() needs per candidate, computed once. */
export interface CarrierCtx {
  rules: CarrierRules;
  profile: CarrierProfile;
  asOfDay: number;
  state: string;
  line: Line;
  revenue: number;
  naics: string | null;
  requestedLimit: number;
  limitRequested: boolean;
  years: number | null;
  claims: number | null;
  minRatingRank: number;
  notRatedRank: number;
  minSizeRank: number;
  keyFeatures: readonly string[];
  financialLevels: { level: number; rating: number; size: number }[];
  /** Names of the line's fields that count for completeness, built once. */
  lineFieldNames: [string, string, string];
}

export function prepareCarriers(profile: CarrierProfile, rules: CarrierRules, asOfDay: number): CarrierCtx {
  return {
    rules,
    profile,
    asOfDay,
    state: profile.state,
    line: profile.line,
    revenue: profile.revenue,
    naics: profile.naics ?? null,
    requestedLimit: profile.requested_limit ?? rules.coverage.default_requested_limit,
    limitRequested: profile.requested_limit != null,
    years: profile.years_in_business ?? null,
    claims: profile.prior_claims ?? null,
    minRatingRank: ratingRank(rules.filters.min_am_best),
    notRatedRank: ratingRank("NR"),
    minSizeRank: rules.filters.min_financial_size ? sizeRank(rules.filters.min_financial_size) : 0,
    keyFeatures: rules.coverage.key_features[profile.line] ?? [],
    financialLevels: rules.financial.levels.map((l) => ({ level: l.level, rating: ratingRank(l.min_rating), size: sizeRank(l.min_size) })),
    lineFieldNames: [`lines.${profile.line}.max_limit`, `lines.${profile.line}.rate_position`, `lines.${profile.line}.features`],
  };
}

/** The line record of the requested line; filters guarantee it exists before scoring. */
export function lineOf(x: CarrierCtx, c: Carrier): CarrierLine {
  return c.lines[x.line] as CarrierLine;
}

/** True when the carrier can write the home state only as a surplus-lines (E&S) market. */
export function surplusOnly(x: CarrierCtx, c: Carrier): boolean {
  return !c.admitted_states.includes(x.state as never);
}

/** Whether the profile's NAICS code starts with any of the given class prefixes. */
export function naicsMatch(naics: string, prefixes: readonly string[] | undefined): string | null {
  if (!prefixes) return null;
  for (let i = 0; i < prefixes.length; i++) if (naics.startsWith(prefixes[i])) return prefixes[i];
  return null;
}

export function keyFeatureCount(x: CarrierCtx, features: readonly string[] | undefined): number {
  if (!features) return 0;
  let n = 0;
  for (let i = 0; i < x.keyFeatures.length; i++) if (features.includes(x.keyFeatures[i])) n++;
  return n;
}

export function clampLevel(n: number): number {
  return n < 1 ? 1 : n > 4 ? 4 : n;
}
