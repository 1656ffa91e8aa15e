/**
 * Time/distance standards for a referral, in the spirit of the Medicare Advantage network-adequacy
 * rule, 42 CFR 422.116: (c) sorts counties into five types by population and density, and (d)(2)
 * gives, per provider specialty and county type, the farthest a contracted provider may be from a
 * beneficiary. A plan must meet those for 90 % of beneficiaries (85 % outside large metros); here
 * the distance is a referral's yardstick, not a compliance test. Pure data: the engine and
 * scripts/gen-county-types.ts both read it. docs/scoring.md prints both tables.
 */
import type { Specialty } from "./schema";

export const COUNTY_TYPES = ["large_metro", "metro", "micro", "rural", "ceac"] as const;
export type CountyType = (typeof COUNTY_TYPES)[number];
/** Assumed when the member's ZIP has no county type in the table (a middle-of-the-road standard). */
export const UNKNOWN_COUNTY_TYPE: CountyType = "metro";
/** CEAC = counties with extreme access considerations. */
export const COUNTY_TYPE_LABELS: Record<CountyType, string> = {
  large_metro: "large-metro",
  metro: "metro",
  micro: "micro",
  rural: "rural",
  ceac: "CEAC",
};

/**
 * 422.116(c) county criteria, as used here: for the first row whose population floor the county
 * reaches, the minimum density (people per square mile) of large metro, metro, micro and rural;
 * null = that type does not exist at this population. Under 10 people per square mile is CEAC at
 * any population.
 */
export const COUNTY_CRITERIA: readonly (readonly [minPopulation: number, largeMetro: number, metro: number, micro: number | null, rural: number | null])[] = [
  [1_000_000, 1_000, 10, null, null],
  [500_000, 1_500, 10, null, null],
  [200_000, 5_000, 10, null, null],
  [50_000, 5_000, 100, 10, null],
  [10_000, 5_000, 1_000, 50, 10],
  [0, 5_000, 1_000, 500, 10],
];

export function classifyCounty(population: number, density: number): CountyType {
  if (density < 10) return "ceac";
  for (const [minPop, lm, metro, micro, rural] of COUNTY_CRITERIA) {
    if (population < minPop) continue;
    if (density >= lm) return "large_metro";
    if (density >= metro) return "metro";
    if (micro !== null && density >= micro) return "micro";
    if (rural !== null && density >= rural) return "rural";
    return "ceac";
  }
  return "ceac";
}

/** The 422.116(d)(2) provider type whose row each referral specialty uses. */
export const CMS_PROVIDER_TYPE: Record<Specialty, string> = {
  primary_care: "Primary Care",
  pediatrics: "Primary Care (Medicare has no pediatrics row)",
  cardiology: "Cardiology",
  orthopedics: "Orthopedic Surgery",
  behavioral_health: "Psychiatry",
  dermatology: "Dermatology",
  neurology: "Neurology",
  oncology: "Oncology - Medical, Surgical",
  obstetrics_gynecology: "Gynecology, OB/GYN",
  endocrinology: "Endocrinology",
  gastroenterology: "Gastroenterology",
  pulmonology: "Pulmonology",
  ophthalmology: "Ophthalmology",
  physical_therapy: "Physical Therapy",
};

type Row = Record<CountyType, number>;
const row = (large_metro: number, metro: number, micro: number, rural: number, ceac: number): Row => ({ large_metro, metro, micro, rural, ceac });

/** Maximum distance in miles by specialty and county type (422.116(d)(2)'s distance columns). */
export const DISTANCE_STANDARDS_MI: Record<Specialty, Row> = {
  primary_care: row(5, 10, 20, 30, 60),
  pediatrics: row(5, 10, 20, 30, 60),
  cardiology: row(10, 20, 35, 60, 85),
  orthopedics: row(10, 20, 35, 60, 85),
  behavioral_health: row(10, 20, 45, 60, 100),
  dermatology: row(10, 20, 45, 60, 100),
  neurology: row(10, 30, 45, 60, 100),
  oncology: row(10, 20, 45, 60, 100),
  obstetrics_gynecology: row(10, 30, 45, 60, 100),
  endocrinology: row(15, 40, 75, 90, 155),
  gastroenterology: row(10, 20, 45, 60, 100),
  pulmonology: row(10, 20, 45, 60, 100),
  ophthalmology: row(10, 20, 35, 60, 85),
  physical_therapy: row(10, 30, 45, 60, 100),
};
