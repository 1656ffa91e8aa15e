import type { Provider, ProviderProfile } from "./schema";
import type { ProviderRules } from "./rules";
import { dayNumber } from "../../dates";
import { type ZipPoint, countyTypeOf, formatMiles, haversineMiles, zipPoint } from "./distance";
import { COUNTY_TYPE_LABELS, type CountyType, UNKNOWN_COUNTY_TYPE } from "./standards";
import { SPECIALTY_LABELS } from "./schema";

export interface ProviderCtx {
  rules: ProviderRules;
  profile: ProviderProfile;
  asOfDay: number;
  capDays: number;
  targetDays: number;
  /** The member ZIP's centroid, looked up once per evaluation; null: distance cannot be measured. */
  member: ZipPoint | null;
  /** County type of the member's ZIP (UNKNOWN_COUNTY_TYPE when the table has none). */
  countyType: CountyType;
  countyTypeKnown: boolean;
  /** Distance standard in miles for the referral's specialty in the member's county type. */
  standardMi: number;
  /** Farthest office kept by the too_far filter, in miles. */
  maxMi: number;
  /** One-entry memo: the filter, the scorer and the reasoning ask for the same candidate in turn. */
  lastZip: string;
  lastMi: number | null;
}

export function prepareProviders(profile: ProviderProfile, rules: ProviderRules, asOfDay: number): ProviderCtx {
  const known = countyTypeOf(profile.zip);
  const countyType = known ?? UNKNOWN_COUNTY_TYPE;
  const standardMi = rules.distance.standards_mi[profile.specialty]?.[countyType] ?? 0;
  return {
    rules,
    profile,
    asOfDay,
    capDays: rules.filters.availability_cap_days[profile.urgency],
    targetDays: rules.placement.target_days[profile.urgency],
    member: zipPoint(profile.zip),
    countyType,
    countyTypeKnown: known !== null,
    standardMi,
    maxMi: standardMi * rules.filters.max_standard_multiple,
    lastZip: "",
    lastMi: null,
  };
}

/** Great-circle miles from the member's ZIP centroid to the provider's; null when either is unknown. */
export function milesTo(x: ProviderCtx, c: Provider): number | null {
  if (c.zip === x.lastZip) return x.lastMi;
  const p = x.member === null ? null : zipPoint(c.zip);
  const mi = p === null ? null : haversineMiles(x.member!, p);
  x.lastZip = c.zip;
  x.lastMi = mi;
  return mi;
}

/** "standard for cardiology in a large-metro county: 10 mi", for the trace and the filter's rule. */
export function standardText(x: ProviderCtx): string {
  const county = `${COUNTY_TYPE_LABELS[x.countyType]} county${x.countyTypeKnown ? "" : " (county type unknown: metro assumed)"}`;
  return `standard for ${SPECIALTY_LABELS[x.profile.specialty].toLowerCase()} in a ${county}: ${x.standardMi} mi`;
}

/** "12.4 mi from member ZIP 10001", or why the distance is unknown; ZIP3-centre estimates say so. */
export function distanceText(x: ProviderCtx, c: Provider, mi: number | null): string {
  if (mi === null) return `distance unknown (no centroid for ZIP ${x.member === null ? x.profile.zip : c.zip})`;
  const approx = [x.member!.approx ? x.profile.zip : null, zipPoint(c.zip)!.approx ? c.zip : null].filter((z) => z !== null);
  return `${formatMiles(mi)} from member ZIP ${x.profile.zip}${approx.length ? ` (ZIP ${approx.join(" and ")} not a Census ZCTA: its 3-digit area's centre used)` : ""}`;
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
