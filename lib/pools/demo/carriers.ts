/**
 * The `carriers:all` demo pool: fictional carriers with the distributions of DOMAIN.md (AM Best
 * mostly A-/A with a tail to C and NR; admitted / E&S / both ≈ 86 / 10 / 3–4 %; national carriers
 * in 40–51 states, regionals in 1–15). Attributes are correlated through a segment (small
 * business, broad, middle market, large account → limits, minimum premiums and retentions,
 * bands, channels, binding authority); most E&S companies are the affiliate of an admitted one
 * (same NAIC group code and name stem); unrated companies have no financial size category; class
 * guides use NAICS 2022 codes; appetite varies by state; workers' compensation is never written by
 * an E&S-only company nor in a monopolistic state. Deterministic: the same (count, seed) gives
 * byte-identical JSON.
 */
import { STATES, type State } from "../../engine/geo";
import { EXPOSURE_BASIS, LINE_FEATURES, LINES, type ExposureField, type Line } from "../../engine/domains/carriers/lines";
import type { AmBestRating, AppetiteStrength, Carrier, CarrierLine, ClassAppetite, FinancialSize } from "../../engine/domains/carriers/schema";
import { AM_BEST_RATINGS, FINANCIAL_SIZES } from "../../engine/domains/carriers/schema";
import { MONOPOLISTIC_WC_STATES } from "../../engine/domains/carriers/regulatory";
import { CARRIER_RULES } from "../../engine/domains/carriers/rules";
import { Rng, daysBefore, round } from "./prng";
import { carrierName, nameStem } from "./carrier-names";
import { CONSIDER_NAICS, LINE_NAICS, PROHIBITED_NAICS, STATE_POPULATION_M, STATE_REGION, TOUGH_STATES } from "./carrier-data";

const REFERENCE_RATES = CARRIER_RULES.pricing.reference_rates;

/** Dates are relative to this fixed day, never the clock, so the pool does not change over time. */
export const CARRIERS_REFERENCE_DATE = "2026-11-01";

type Segment = "small" | "middle" | "broad" | "large";
type Kind = "admitted" | "es" | "both";
const M = 1_000_000;

const RATING_WEIGHTS: readonly (readonly [AmBestRating, number])[] = [
  ["A++", 3],
  ["A+", 12],
  ["A", 30],
  ["A-", 32],
  ["B++", 9],
  ["B+", 5],
  ["B", 3],
  ["B-", 2],
  ["C++", 1],
  ["C+", 0.7],
  ["C", 0.5],
  ["C-", 0.3],
  ["D", 0.2],
  ["NR", 2.3],
];
/** Mean AM Best size category (1 = I … 15 = XV) by rating: stronger ratings go with larger surplus. */
const SIZE_MEAN: Record<AmBestRating, number> = {
  "A++": 13,
  "A+": 10,
  A: 6.5,
  "A-": 5.5,
  "B++": 5,
  "B+": 4.5,
  B: 4,
  "B-": 3.5,
  "C++": 3,
  "C+": 3,
  C: 2.5,
  "C-": 2.5,
  D: 2,
  NR: 2.5,
};
/** AM Best rarely gives an Excellent rating to a very small company. */
const SIZE_FLOOR: Partial<Record<AmBestRating, number>> = { "A++": 9, "A+": 6, A: 4, "A-": 4, "B++": 3 };

/** Probability that a carrier of this kind writes each line. */
const LINE_ODDS: Record<"small" | "middle" | "specialty", Record<Line, number>> = {
  small: {
    general_liability: 0.85,
    property: 0.8,
    business_owners: 0.7,
    workers_compensation: 0.55,
    commercial_auto: 0.5,
    umbrella: 0.5,
    inland_marine: 0.35,
    crime: 0.2,
    professional_liability: 0.15,
    cyber: 0.2,
    employment_practices: 0.15,
    directors_officers: 0.08,
    product_liability: 0.2,
  },
  middle: {
    general_liability: 0.8,
    property: 0.75,
    workers_compensation: 0.6,
    commercial_auto: 0.6,
    umbrella: 0.65,
    professional_liability: 0.22,
    cyber: 0.35,
    directors_officers: 0.3,
    employment_practices: 0.3,
    product_liability: 0.35,
    inland_marine: 0.4,
    crime: 0.35,
    business_owners: 0.1,
  },
  specialty: {
    general_liability: 0.6,
    professional_liability: 0.5,
    cyber: 0.45,
    directors_officers: 0.35,
    employment_practices: 0.35,
    product_liability: 0.45,
    property: 0.45,
    umbrella: 0.45,
    commercial_auto: 0.15,
    inland_marine: 0.2,
    crime: 0.15,
    workers_compensation: 0.03,
    business_owners: 0.02,
  },
};

/** Small-commercial minimum premiums per line; segments scale them (SEGMENT_PROFILE.premium_scale). */
const MIN_PREMIUM: Record<Line, [number, number]> = {
  general_liability: [500, 2500],
  professional_liability: [500, 3000],
  property: [1000, 5000],
  workers_compensation: [1000, 10000],
  commercial_auto: [1500, 10000],
  cyber: [750, 5000],
  directors_officers: [1500, 7500],
  employment_practices: [1000, 5000],
  umbrella: [750, 5000],
  product_liability: [1000, 10000],
  business_owners: [400, 1500],
  inland_marine: [300, 2500],
  crime: [300, 2000],
};

/**
 * What a segment decides, so attributes move together (a large-account carrier has high limits,
 * high minimum premiums and retentions, a broad band and works by email; a small-business
 * program has low minimums, API/portal submissions and often binding authority).
 */
const SEGMENT_PROFILE: Record<
  Segment,
  {
    limits: readonly (readonly [number, number])[];
    premium_scale: [number, number];
    retention: readonly (readonly [number | null, number])[];
    channels: readonly (readonly ["api" | "portal" | "email", number])[];
    binding: number;
    turnaround: readonly (readonly [number, number])[];
  }
> = {
  small: {
    limits: [
      [1 * M, 5],
      [2 * M, 4],
      [3 * M, 1],
    ],
    premium_scale: [0.5, 1],
    retention: [
      [null, 4],
      [500, 2],
      [1000, 3],
      [2500, 2],
    ],
    channels: [
      ["api", 40],
      ["portal", 45],
      ["email", 15],
    ],
    binding: 0.5,
    turnaround: [
      [1, 3],
      [2, 4],
      [3, 3],
      [4, 1],
    ],
  },
  broad: {
    limits: [
      [1 * M, 2],
      [2 * M, 3],
      [5 * M, 3],
    ],
    premium_scale: [0.8, 2],
    retention: [
      [null, 3],
      [1000, 2],
      [5000, 3],
      [10000, 1],
    ],
    channels: [
      ["api", 25],
      ["portal", 50],
      ["email", 25],
    ],
    binding: 0.3,
    turnaround: [
      [2, 2],
      [3, 4],
      [5, 3],
      [7, 1],
    ],
  },
  middle: {
    limits: [
      [2 * M, 2],
      [5 * M, 5],
      [10 * M, 2],
    ],
    premium_scale: [2, 5],
    retention: [
      [null, 2],
      [5000, 2],
      [10000, 3],
      [25000, 2],
    ],
    channels: [
      ["api", 10],
      ["portal", 45],
      ["email", 45],
    ],
    binding: 0.15,
    turnaround: [
      [3, 2],
      [5, 4],
      [7, 3],
      [10, 1],
    ],
  },
  large: {
    limits: [
      [5 * M, 3],
      [10 * M, 4],
      [25 * M, 1],
    ],
    premium_scale: [6, 20],
    retention: [
      [25000, 2],
      [50000, 2],
      [100000, 2],
      [250000, 1],
    ],
    channels: [
      ["api", 3],
      ["portal", 30],
      ["email", 67],
    ],
    binding: 0.05,
    turnaround: [
      [5, 2],
      [7, 4],
      [10, 3],
      [14, 2],
    ],
  },
};

function revenueBand(rng: Rng, segment: Segment): [number | null, number | null] {
  switch (segment) {
    case "small":
      return [
        rng.weighted([
          [null, 3],
          [100_000, 1],
          [250_000, 1],
        ]),
        rng.weighted([
          [2.5 * M, 1],
          [5 * M, 3],
          [7.5 * M, 2],
          [10 * M, 3],
          [15 * M, 0.5],
        ]),
      ];
    case "middle": {
      const min = rng.weighted([
        [1 * M, 1],
        [2.5 * M, 1],
        [5 * M, 2],
        [10 * M, 2],
        [15 * M, 1],
        [25 * M, 1],
      ]);
      let max = rng.weighted([
        [15 * M, 1],
        [25 * M, 1],
        [50 * M, 2],
        [100 * M, 2],
        [250 * M, 1],
        [500 * M, 1],
        [1000 * M, 1],
      ]);
      if (max < min * 1.5) max = min * 4;
      return [min, max];
    }
    case "broad":
      return [
        rng.weighted([
          [null, 2],
          [250_000, 1],
          [500_000, 1],
          [1 * M, 1],
        ]),
        rng.weighted([
          [10 * M, 1],
          [25 * M, 2],
          [50 * M, 2],
          [100 * M, 1],
          [null, 1],
        ]),
      ];
    default:
      return [
        rng.weighted([
          [50 * M, 1],
          [100 * M, 1],
          [250 * M, 1],
        ]),
        rng.weighted([
          [null, 2],
          [5000 * M, 1],
          [10000 * M, 1],
        ]),
      ];
  }
}

/** Bands in the line's own exposure basis (payroll, TIV, power units, underlying limit), by segment. */
function exposureBand(rng: Rng, basis: ExposureField, segment: Segment): [number | null, number | null] {
  const S = segment === "broad" ? rng.pick(["small", "middle"] as const) : segment;
  switch (basis) {
    case "payroll":
      return S === "small"
        ? [
            null,
            rng.weighted([
              [1 * M, 1],
              [2.5 * M, 2],
              [5 * M, 2],
            ]),
          ]
        : S === "middle"
          ? [
              rng.weighted([
                [500_000, 1],
                [1 * M, 2],
              ]),
              rng.weighted([
                [25 * M, 1],
                [50 * M, 2],
                [100 * M, 1],
              ]),
            ]
          : [
              rng.weighted([
                [10 * M, 1],
                [25 * M, 1],
              ]),
              null,
            ];
    case "tiv":
      return S === "small"
        ? [
            null,
            rng.weighted([
              [2.5 * M, 1],
              [5 * M, 2],
              [10 * M, 2],
              [15 * M, 1],
            ]),
          ]
        : S === "middle"
          ? [
              rng.weighted([
                [1 * M, 1],
                [5 * M, 2],
              ]),
              rng.weighted([
                [50 * M, 2],
                [100 * M, 2],
                [250 * M, 1],
              ]),
            ]
          : [
              rng.weighted([
                [25 * M, 1],
                [50 * M, 1],
              ]),
              null,
            ];
    case "power_units":
      return S === "small"
        ? [
            null,
            rng.weighted([
              [10, 2],
              [25, 2],
              [50, 1],
            ]),
          ]
        : S === "middle"
          ? [
              rng.weighted([
                [5, 1],
                [10, 2],
              ]),
              rng.weighted([
                [100, 2],
                [250, 1],
              ]),
            ]
          : [
              rng.weighted([
                [25, 1],
                [50, 1],
              ]),
              null,
            ];
    case "underlying_limit":
      return S === "small"
        ? [
            null,
            rng.weighted([
              [1 * M, 2],
              [2 * M, 1],
            ]),
          ]
        : S === "middle"
          ? [
              1 * M,
              rng.weighted([
                [5 * M, 2],
                [10 * M, 1],
              ]),
            ]
          : [
              rng.weighted([
                [1 * M, 1],
                [2 * M, 1],
              ]),
              null,
            ];
    default:
      return revenueBand(rng, segment);
  }
}

function classGuide(rng: Rng, line: Line): Record<string, ClassAppetite> | undefined {
  if (rng.chance(0.2)) return undefined;
  const guide: Record<string, ClassAppetite> = {};
  for (const p of rng.sample(LINE_NAICS[line], rng.int(1, 4))) guide[p] = "target";
  for (const p of rng.sample(CONSIDER_NAICS[line], rng.int(0, 3))) guide[p] ??= "consider";
  for (const p of rng.sample(PROHIBITED_NAICS, rng.int(1, 4))) guide[p] = "prohibited";
  return guide;
}

/** Appetite that differs by state: tougher in the line's hard states, plus a few idiosyncratic ones. */
function stateAppetite(rng: Rng, line: Line, writes: readonly State[]): Partial<Record<State, AppetiteStrength>> | undefined {
  const out: Partial<Record<State, AppetiteStrength>> = {};
  for (const st of TOUGH_STATES[line] ?? []) if (writes.includes(st) && rng.chance(0.5)) out[st] = "limited";
  if (rng.chance(0.15)) for (const st of rng.sample(writes, rng.int(1, 3))) out[st] ??= rng.pick(["target", "limited"] as const);
  return Object.keys(out).length > 0 ? out : undefined;
}

function lineRecord(rng: Rng, line: Line, segment: Segment, kind: Kind, writes: readonly State[]): CarrierLine {
  const seg = SEGMENT_PROFILE[segment];
  const basis = EXPOSURE_BASIS[line];
  const [pmin, pmax] = MIN_PREMIUM[line];
  const scale = rng.float() * (seg.premium_scale[1] - seg.premium_scale[0]) + seg.premium_scale[0];
  const features = rng.chance(0.04) ? [] : LINE_FEATURES[line].filter((_, i) => rng.chance(i < 3 ? 0.7 : 0.45));
  const record: CarrierLine = {
    appetite: rng.weighted([
      ["target", 38],
      ["consider", 42],
      ["limited", 20],
    ] as const),
  };
  if (basis === "revenue") [record.revenue_min, record.revenue_max] = revenueBand(rng, segment);
  else [record.exposure_min, record.exposure_max] = exposureBand(rng, basis, segment);
  // Some lines are written in only part of the carrier's footprint (and WC never where it cannot be).
  let states: State[] | undefined = rng.chance(0.12) && writes.length > 3 ? rng.sample(writes, Math.ceil(writes.length * 0.7)) : undefined;
  if (line === "workers_compensation") states = (states ?? [...writes]).filter((st) => !MONOPOLISTIC_WC_STATES.includes(st));
  if (states) record.states = states;
  const sa = stateAppetite(rng, line, states ?? writes);
  if (sa) record.state_appetite = sa;
  const guide = classGuide(rng, line);
  if (guide) record.naics_appetite = guide;
  record.max_limit = rng.chance(0.04) ? null : rng.weighted(seg.limits);
  record.min_premium = rng.chance(0.08) ? null : Math.round((rng.int(pmin, pmax) * scale) / 50) * 50;
  record.min_retention = rng.weighted(seg.retention);
  // Drawn in the old order (the stream stays the same), assigned in the schema's field order.
  const ratePosition = rng.chance(0.05) ? null : round(rng.normal(kind === "es" ? 5 : 0, 8, -20, 30));
  if (rng.chance(0.08)) record.base_rate = round(REFERENCE_RATES[line] * rng.normal(1, 0.12, 0.7, 1.4), REFERENCE_RATES[line] >= 100 ? 0 : 3);
  record.rate_position = ratePosition;
  record.features = features;
  record.min_years_in_business =
    segment === "small"
      ? rng.weighted([
          [null, 3],
          [2, 1],
          [3, 3],
          [5, 2],
        ])
      : rng.weighted([
          [null, 6],
          [3, 1],
          [5, 1],
        ]);
  record.max_prior_claims = rng.weighted([
    [null, 5],
    [1, 1],
    [2, 2],
    [3, 2],
    [5, 1],
  ]);
  // Workers' compensation carriers cap the experience mod (DOMAIN: roughly 1.15–1.79). Taken from
  // the line's minimum premium, not drawn: a draw would shift the stream and every later carrier.
  if (line === "workers_compensation") record.max_experience_mod = WC_MOD_CAPS[Math.round((record.min_premium ?? 0) / 50) % WC_MOD_CAPS.length];
  return record;
}

/** A WC line's highest accepted experience mod; null: the guide states none. */
const WC_MOD_CAPS = [1.15, 1.25, 1.35, 1.5, 1.79, null] as const;

function pickState(rng: Rng, from: readonly State[]): State {
  return rng.weighted(from.map((s) => [s, STATE_POPULATION_M[s]] as const));
}

/** 1–15 states around a home state: its region first, then anywhere. */
function regionalStates(rng: Rng): State[] {
  const k = rng.weighted([
    [1, 2],
    [2, 1],
    [3, 1],
    [4, 1],
    [5, 1],
    [6, 1],
    [8, 1],
    [10, 0.6],
    [12, 0.5],
    [15, 0.4],
  ]);
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

function footprint(rng: Rng, kind: Kind, segment: Segment): { admitted: State[]; surplus: State[] } {
  if (kind === "es") return { admitted: [], surplus: rng.chance(0.85) ? nationalStates(rng) : nationalStates(rng, 12).slice(0, rng.int(12, 30)) };
  if (kind === "both") {
    const admitted = regionalStates(rng);
    return { admitted, surplus: nationalStates(rng).filter((s) => !admitted.includes(s)) };
  }
  // Large-account carriers are national; small-business programs mostly regional.
  const national = segment === "large" ? 0.9 : segment === "middle" ? 0.45 : segment === "broad" ? 0.35 : 0.15;
  return { admitted: rng.chance(national) ? nationalStates(rng) : regionalStates(rng), surplus: [] };
}

function lastVerified(rng: Rng): string | null {
  if (rng.chance(0.01)) return null;
  const age = rng.weighted([
    [[0, 150], 55],
    [[150, 330], 27],
    [[330, 720], 17],
  ] as const);
  return daysBefore(CARRIERS_REFERENCE_DATE, rng.int(age[0], age[1]));
}

interface Parent {
  name: string;
  stem: string;
  group: string;
  rating: AmBestRating;
  segment: Segment;
  hasAffiliate: boolean;
}

function carrier(rng: Rng, index: number, usedNames: Set<string>, usedNaic: Set<string>, parents: Parent[]): Carrier {
  const kind = rng.weighted([
    ["admitted", 86.5],
    ["es", 10],
    ["both", 3.5],
  ] as const);
  // Most E&S companies belong to a group with an admitted company: the same group code and name stem.
  const parent = kind === "es" && rng.chance(0.6) ? parents.find((p) => !p.hasAffiliate) : undefined;
  const segment: Segment = parent
    ? parent.segment === "small"
      ? "broad"
      : parent.segment
    : rng.weighted([
        ["small", 45],
        ["middle", 35],
        ["broad", 15],
        ["large", 5],
      ] as const);
  const odds = LINE_ODDS[kind === "admitted" ? (segment === "small" ? "small" : "middle") : "specialty"];
  // Surplus-lines-only companies do not write statutory workers' compensation.
  let lineIds = LINES.filter((l) => rng.chance(odds[l]) && !(kind === "es" && l === "workers_compensation"));
  if (lineIds.length === 0) lineIds = [kind === "es" ? "general_liability" : rng.pick(LINES)];
  const rating = parent ? (rng.chance(0.8) ? parent.rating : rng.weighted(RATING_WEIGHTS)) : rng.weighted(RATING_WEIGHTS);
  const size = Math.round(rng.normal(SIZE_MEAN[rating], 1.5, SIZE_FLOOR[rating] ?? 1, 15));
  const { admitted, surplus } = footprint(rng, kind, segment);
  let naic = "";
  do naic = String(rng.int(10000, 99999));
  while (usedNaic.has(naic) && usedNaic.size < 89000);
  usedNaic.add(naic);
  const writes = [...admitted, ...surplus];
  const lines: Partial<Record<Line, CarrierLine>> = {};
  for (const l of lineIds) {
    const rec = lineRecord(rng, l, segment, kind, kind === "both" && l === "workers_compensation" ? admitted : writes);
    if (l === "workers_compensation" && (rec.states?.length ?? 0) === 0) continue; // nowhere it may be written
    lines[l] = rec;
  }
  if (Object.keys(lines).length === 0) lines.general_liability = lineRecord(rng, "general_liability", segment, kind, writes);
  const es = kind === "es";
  const seg = SEGMENT_PROFILE[segment];
  let name: string;
  let group: string | null = rng.chance(0.6) ? String(1000 + rng.int(0, 299) * 13) : null;
  let groupName: string | null = null;
  if (parent) {
    name = `${parent.stem} Specialty Insurance Company`;
    if (usedNames.has(name)) name = carrierName(rng, true, usedNames);
    else usedNames.add(name);
    parent.hasAffiliate = true;
    group = parent.group;
    groupName = `${parent.stem} Group`;
  } else {
    name = carrierName(rng, kind !== "admitted", usedNames);
  }
  if (kind === "admitted" && group && !parent) {
    parents.push({ name, stem: nameStem(name), group, rating, segment, hasAffiliate: false });
    if (parents.length > 40) parents.shift();
  }
  const rated = rating !== "NR";
  const c: Carrier = {
    id: `car_${String(index + 1).padStart(4, "0")}`,
    name,
    naic_code: naic,
    naic_group_code: group,
    ...(groupName ? { group_name: groupName } : {}),
    am_best_rating: rating,
    am_best_outlook:
      !rated || rng.chance(0.02)
        ? null
        : rng.weighted([
            ["stable", 85],
            ["positive", 6],
            ["negative", 7],
            ["developing", 2],
          ] as const),
    // AM Best assigns a financial size category only to companies it rates.
    financial_size: !rated || rng.chance(0.03) ? null : (FINANCIAL_SIZES[size - 1] as FinancialSize),
    market_type: kind,
    admitted_states: admitted,
    surplus_lines_states: surplus,
    lines,
    placement: {
      quote_turnaround_days: rng.chance(0.05) ? null : rng.weighted(seg.turnaround) + (es ? 2 : 0),
      hit_ratio: rng.chance(0.06) ? null : round(rng.normal(segment === "large" ? 0.22 : 0.28, 0.1, 0.05, 0.6), 2),
      binding_authority: rng.chance(0.04) ? null : rng.chance(es ? Math.min(0.8, seg.binding + 0.2) : seg.binding),
      submission_channel: rng.chance(0.03) ? null : rng.weighted(seg.channels),
    },
    service: {
      claims_satisfaction: rng.chance(0.05) ? null : round(rng.normal(4.0, 0.45, 2.2, 5.0), 1),
      naic_complaint_index: rng.chance(0.06) ? null : round(Math.min(4, Math.max(0.05, Math.exp(rng.normal(Math.log(0.9), 0.5)))), 2),
    },
    last_verified: lastVerified(rng),
  };
  return c;
}

export function generateCarriers(count = 1847, seed = 20260101): Carrier[] {
  const rng = new Rng(seed);
  const usedNames = new Set<string>();
  const usedNaic = new Set<string>();
  const out: Carrier[] = new Array(count);
  const parents: Parent[] = [];
  for (let i = 0; i < count; i++) out[i] = carrier(rng, i, usedNames, usedNaic, parents);
  return out;
}

/** `carriers:tier1`: A- or better and financial size VIII or larger. */
export function isTier1(c: Carrier): boolean {
  const r = AM_BEST_RATINGS.indexOf(c.am_best_rating ?? "NR");
  const s = c.financial_size ? FINANCIAL_SIZES.indexOf(c.financial_size) + 1 : 0;
  return r >= 0 && r <= AM_BEST_RATINGS.indexOf("A-") && s >= 8;
}
