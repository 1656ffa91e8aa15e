/**
 * The `carriers:all` demo pool: fictional carriers with the distributions of DOMAIN.md (AM Best
 * mostly A-/A with a tail to C and NR; admitted / E&S / both ≈ 86 / 10 / 3–4 %; national carriers
 * in 40–51 states, regionals in 1–15; small-commercial, middle-market and specialty revenue
 * bands). Deterministic: the same (count, seed) gives byte-identical JSON.
 */
import { STATES, type State } from "../../engine/geo";
import { LINE_FEATURES, LINES, type Line } from "../../engine/domains/carriers/lines";
import type { AmBestRating, Carrier, CarrierLine, FinancialSize } from "../../engine/domains/carriers/schema";
import { AM_BEST_RATINGS, FINANCIAL_SIZES } from "../../engine/domains/carriers/schema";
import { Rng, daysBefore, round } from "./prng";
import { carrierName } from "./carrier-names";
import { LINE_NAICS, PROHIBITED_NAICS, STATE_POPULATION_M, STATE_REGION } from "./carrier-data";

/** Dates are relative to this fixed day, never the clock, so the pool does not change over time. */
export const CARRIERS_REFERENCE_DATE = "2026-11-01";

type Segment = "small" | "middle" | "broad" | "large";
type Kind = "admitted" | "es" | "both";
const M = 1_000_000;

const RATING_WEIGHTS: readonly (readonly [AmBestRating, number])[] = [
  ["A++", 3], ["A+", 12], ["A", 30], ["A-", 32], ["B++", 9], ["B+", 5], ["B", 3], ["B-", 2],
  ["C++", 1], ["C+", 0.7], ["C", 0.5], ["C-", 0.3], ["D", 0.2], ["NR", 2.3],
];
/** Mean AM Best size category (1 = I … 15 = XV) by rating: stronger ratings go with larger surplus. */
const SIZE_MEAN: Record<AmBestRating, number> = {
  "A++": 13, "A+": 10, A: 6.5, "A-": 5.5, "B++": 5, "B+": 4.5, B: 4, "B-": 3.5, "C++": 3, "C+": 3, C: 2.5, "C-": 2.5, D: 2, NR: 2.5,
};
/** AM Best rarely gives an Excellent rating to a very small company. */
const SIZE_FLOOR: Partial<Record<AmBestRating, number>> = { "A++": 9, "A+": 6, A: 4, "A-": 4, "B++": 3 };

/** Probability that a carrier of this kind writes each line. */
const LINE_ODDS: Record<"small" | "middle" | "specialty", Record<Line, number>> = {
  small: { general_liability: 0.85, property: 0.8, business_owners: 0.7, workers_compensation: 0.55, commercial_auto: 0.5, umbrella: 0.5, inland_marine: 0.35, crime: 0.2, professional_liability: 0.15, cyber: 0.2, employment_practices: 0.15, directors_officers: 0.08, product_liability: 0.2 },
  middle: { general_liability: 0.8, property: 0.75, workers_compensation: 0.6, commercial_auto: 0.6, umbrella: 0.65, professional_liability: 0.22, cyber: 0.35, directors_officers: 0.3, employment_practices: 0.3, product_liability: 0.35, inland_marine: 0.4, crime: 0.35, business_owners: 0.1 },
  specialty: { general_liability: 0.6, professional_liability: 0.5, cyber: 0.45, directors_officers: 0.35, employment_practices: 0.35, product_liability: 0.45, property: 0.45, umbrella: 0.45, commercial_auto: 0.15, inland_marine: 0.2, crime: 0.15, workers_compensation: 0.03, business_owners: 0.02 },
};

const MIN_PREMIUM: Record<Line, [number, number]> = {
  general_liability: [500, 2500], professional_liability: [500, 3000], property: [1000, 5000], workers_compensation: [1000, 10000],
  commercial_auto: [1500, 10000], cyber: [750, 5000], directors_officers: [1500, 7500], employment_practices: [1000, 5000],
  umbrella: [750, 5000], product_liability: [1000, 10000], business_owners: [400, 1500], inland_marine: [300, 2500], crime: [300, 2000],
};

function band(rng: Rng, segment: Segment): [number | null, number | null] {
  switch (segment) {
    case "small":
      return [rng.weighted([[null, 3], [100_000, 1], [250_000, 1]]), rng.weighted([[2.5 * M, 1], [5 * M, 3], [7.5 * M, 2], [10 * M, 3], [15 * M, 0.5]])];
    case "middle": {
      const min = rng.weighted([[1 * M, 1], [2.5 * M, 1], [5 * M, 2], [10 * M, 2], [15 * M, 1], [25 * M, 1]]);
      let max = rng.weighted([[15 * M, 1], [25 * M, 1], [50 * M, 2], [100 * M, 2], [250 * M, 1], [500 * M, 1], [1000 * M, 1]]);
      if (max < min * 1.5) max = min * 4;
      return [min, max];
    }
    case "broad":
      return [rng.weighted([[null, 2], [250_000, 1], [500_000, 1], [1 * M, 1]]), rng.weighted([[10 * M, 1], [25 * M, 2], [50 * M, 2], [100 * M, 1], [null, 1]])];
    default:
      return [rng.weighted([[50 * M, 1], [100 * M, 1], [250 * M, 1]]), rng.weighted([[null, 2], [5000 * M, 1], [10000 * M, 1]])];
  }
}

function lineRecord(rng: Rng, line: Line, segment: Segment, kind: Kind): CarrierLine {
  const [revenue_min, revenue_max] = band(rng, rng.chance(0.75) ? segment : rng.pick(["small", "middle", "broad"] as const));
  const targets = LINE_NAICS[line];
  const [pmin, pmax] = MIN_PREMIUM[line];
  const features = rng.chance(0.04) ? [] : LINE_FEATURES[line].filter((_, i) => rng.chance(i < 3 ? 0.7 : 0.45));
  return {
    appetite: rng.weighted([["target", 38], ["consider", 42], ["limited", 20]] as const),
    revenue_min,
    revenue_max,
    target_naics: rng.chance(0.25) ? [] : rng.sample(targets, rng.int(1, 4)),
    excluded_naics: rng.chance(0.4) ? [] : rng.sample(PROHIBITED_NAICS, rng.int(1, 4)),
    max_limit: rng.chance(0.04) ? null : rng.weighted([[1 * M, 3], [2 * M, 3], [3 * M, 1], [5 * M, 3], [10 * M, 1]]),
    min_premium: rng.chance(0.1) ? null : Math.round(rng.int(pmin, pmax) / 50) * 50,
    rate_position: rng.chance(0.05) ? null : round(rng.normal(kind === "es" ? 5 : 0, 8, -20, 30)),
    features,
    min_years_in_business: segment === "small" ? rng.weighted([[null, 3], [2, 1], [3, 3], [5, 2]]) : rng.weighted([[null, 6], [3, 1], [5, 1]]),
    max_prior_claims: rng.weighted([[null, 5], [1, 1], [2, 2], [3, 2], [5, 1]]),
  };
}

function pickState(rng: Rng, from: readonly State[]): State {
  return rng.weighted(from.map((s) => [s, STATE_POPULATION_M[s]] as const));
}

/** 1–15 states around a home state: its region first, then anywhere. */
function regionalStates(rng: Rng): State[] {
  const k = rng.weighted([[1, 2], [2, 1], [3, 1], [4, 1], [5, 1], [6, 1], [8, 1], [10, 0.6], [12, 0.5], [15, 0.4]]);
  const home = pickState(rng, STATES);
  const region = STATES.filter((s) => s !== home && STATE_REGION[s] === STATE_REGION[home]);
  const others = STATES.filter((s) => s !== home && STATE_REGION[s] !== STATE_REGION[home]);
  const chosen = [home, ...rng.sample(region, k - 1)];
  if (chosen.length < k) chosen.push(...rng.sample(others, k - chosen.length));
  return sortStates(chosen);
}

function nationalStates(rng: Rng, min = 40): State[] {
  return sortStates(rng.sample(STATES, rng.int(min, 51)));
}

function sortStates(s: State[]): State[] {
  return STATES.filter((x) => s.includes(x));
}

function footprint(rng: Rng, kind: Kind): { admitted: State[]; surplus: State[] } {
  if (kind === "es") return { admitted: [], surplus: rng.chance(0.85) ? nationalStates(rng) : nationalStates(rng, 12).slice(0, rng.int(12, 30)) };
  if (kind === "both") {
    const admitted = regionalStates(rng);
    return { admitted, surplus: nationalStates(rng).filter((s) => !admitted.includes(s)) };
  }
  return { admitted: rng.chance(0.3) ? nationalStates(rng) : regionalStates(rng), surplus: [] };
}

function lastVerified(rng: Rng): string | null {
  if (rng.chance(0.01)) return null;
  const age = rng.weighted([[[0, 150], 55], [[150, 330], 27], [[330, 720], 17]] as const);
  return daysBefore(CARRIERS_REFERENCE_DATE, rng.int(age[0], age[1]));
}

function carrier(rng: Rng, index: number, usedNames: Set<string>, usedNaic: Set<string>): Carrier {
  const kind = rng.weighted([["admitted", 86.5], ["es", 10], ["both", 3.5]] as const);
  const segment = rng.weighted([["small", 45], ["middle", 35], ["broad", 15], ["large", 5]] as const);
  const odds = LINE_ODDS[kind === "admitted" ? (segment === "small" ? "small" : "middle") : "specialty"];
  let lineIds = LINES.filter((l) => rng.chance(odds[l]));
  if (lineIds.length === 0) lineIds = [rng.pick(LINES)];
  const rating = rng.weighted(RATING_WEIGHTS);
  const size = Math.round(rng.normal(SIZE_MEAN[rating], 1.5, SIZE_FLOOR[rating] ?? 1, 15));
  const { admitted, surplus } = footprint(rng, kind);
  let naic = "";
  do naic = String(rng.int(10000, 99999));
  while (usedNaic.has(naic) && usedNaic.size < 89000);
  usedNaic.add(naic);
  const lines: Partial<Record<Line, CarrierLine>> = {};
  for (const l of lineIds) lines[l] = lineRecord(rng, l, segment, kind);
  const es = kind === "es";
  return {
    id: `car_${String(index + 1).padStart(4, "0")}`,
    name: carrierName(rng, kind !== "admitted", usedNames),
    naic_code: naic,
    naic_group_code: rng.chance(0.6) ? String(1000 + rng.int(0, 299) * 13) : null,
    am_best_rating: rating,
    am_best_outlook: rng.chance(0.02) ? null : rng.weighted([["stable", 85], ["positive", 6], ["negative", 7], ["developing", 2]] as const),
    financial_size: rng.chance(0.03) ? null : (FINANCIAL_SIZES[size - 1] as FinancialSize),
    market_type: kind,
    admitted_states: admitted,
    surplus_lines_states: surplus,
    lines,
    placement: {
      quote_turnaround_days: rng.chance(0.05) ? null : rng.weighted([[1, 2], [2, 4], [3, 4], [4, 3], [5, 3], [7, 2], [10, 1], [14, 1]]) + (es ? 2 : 0),
      hit_ratio: rng.chance(0.06) ? null : round(rng.normal(0.27, 0.1, 0.05, 0.6), 2),
      binding_authority: rng.chance(0.04) ? null : rng.chance(es ? 0.45 : 0.3),
      submission_channel: rng.chance(0.03) ? null : rng.weighted([["api", 25], ["portal", 50], ["email", 25]] as const),
    },
    service: {
      claims_satisfaction: rng.chance(0.05) ? null : round(rng.normal(4.0, 0.45, 2.2, 5.0), 1),
      naic_complaint_index: rng.chance(0.06) ? null : round(Math.min(4, Math.max(0.05, Math.exp(rng.normal(Math.log(0.9), 0.5)))), 2),
    },
    last_verified: lastVerified(rng),
  };
}

export function generateCarriers(count = 1847, seed = 20260101): Carrier[] {
  const rng = new Rng(seed);
  const usedNames = new Set<string>();
  const usedNaic = new Set<string>();
  const out: Carrier[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = carrier(rng, i, usedNames, usedNaic);
  return out;
}

/** `carriers:tier1`: A- or better and financial size VIII or larger. */
export function isTier1(c: Carrier): boolean {
  const r = AM_BEST_RATINGS.indexOf(c.am_best_rating ?? "NR");
  const s = c.financial_size ? FINANCIAL_SIZES.indexOf(c.financial_size) + 1 : 0;
  return r >= 0 && r <= AM_BEST_RATINGS.indexOf("A-") && s >= 8;
}
