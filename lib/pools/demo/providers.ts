/**
 * The `providers:network` demo pool: fictional clinicians and clinics of a West-coast regional
 * network, at real ZIPs (Census ZCTAs, so distances are measured). Directory data is realistically imperfect: some entries unverified for months, some
 * fields missing. Deterministic: the same (count, seed) gives byte-identical JSON.
 */
import type { State } from "../../engine/geo";
import { zctasOfZip3 } from "../../engine/domains/providers/distance";
import { PLANS, SPECIALTIES, type Provider, type Specialty } from "../../engine/domains/providers/schema";
import { Rng, daysBefore, round } from "./prng";

/** Directory dates are relative to this fixed day, never the clock. */
export const PROVIDERS_REFERENCE_DATE = "2026-11-01";

/** Metro ZIP3 ranges of the network, weighted by how many of its providers practise there. */
const METROS: readonly (readonly [State, number, number, number])[] = [
  ["CA", 940, 951, 30], // San Francisco Bay Area
  ["CA", 956, 958, 8], // Sacramento
  ["CA", 900, 918, 20], // Los Angeles
  ["CA", 919, 921, 7], // San Diego
  ["CA", 936, 937, 4], // Fresno
  ["WA", 980, 984, 10], // Seattle
  ["OR", 970, 972, 8], // Portland
  ["AZ", 850, 853, 8], // Phoenix
  ["NV", 889, 891, 5], // Las Vegas
];

/**
 * The ZCTA nearest above (else below) the drawn ZIP within its ZIP3, or in the next ZIP3 of the
 * metro's range that has any, so every office has a real ZIP with a centroid. It consumes no
 * random draws: the pool is the one from before measured distance, offices snapped to real ZIPs.
 */
function realZip(zip3: number, last2: number, lo: number, hi: number): string {
  for (let i = 0; i <= hi - lo; i++) {
    const z3 = lo + ((zip3 - lo + i) % (hi - lo + 1));
    const list = zctasOfZip3(String(z3).padStart(3, "0"));
    if (list.length === 0) continue;
    const want = z3 === zip3 ? `${String(zip3).padStart(3, "0")}${String(last2).padStart(2, "0")}` : "";
    return list.find((z) => z >= want) ?? list[list.length - 1];
  }
  throw new Error(`no ZCTA in ZIP3 ${lo}–${hi}`);
}

const SPECIALTY_WEIGHTS: Record<Specialty, number> = {
  primary_care: 22,
  pediatrics: 8,
  behavioral_health: 10,
  cardiology: 7,
  orthopedics: 7,
  obstetrics_gynecology: 6,
  dermatology: 5,
  neurology: 4,
  oncology: 4,
  endocrinology: 3,
  gastroenterology: 4,
  pulmonology: 3,
  ophthalmology: 4,
  physical_therapy: 9,
};

const SUBSPECIALTIES: Partial<Record<Specialty, readonly string[]>> = {
  cardiology: ["interventional cardiology", "electrophysiology", "heart failure", "preventive cardiology"],
  orthopedics: ["sports medicine", "joint replacement", "spine", "hand surgery"],
  behavioral_health: ["adolescent psychiatry", "addiction medicine", "trauma-focused therapy", "eating disorders"],
  pediatrics: ["neonatology", "pediatric allergy", "developmental pediatrics"],
  oncology: ["breast oncology", "hematology", "radiation oncology"],
  neurology: ["epilepsy", "movement disorders", "headache medicine"],
  primary_care: ["family medicine", "internal medicine", "geriatric medicine"],
  obstetrics_gynecology: ["maternal-fetal medicine", "reproductive endocrinology"],
};

const FIRST = [
  "Maria",
  "James",
  "Priya",
  "Daniel",
  "Mei",
  "Robert",
  "Aisha",
  "Carlos",
  "Elena",
  "David",
  "Sofia",
  "Michael",
  "Nadia",
  "Kevin",
  "Laura",
  "Ahmed",
  "Grace",
  "Victor",
  "Hannah",
  "Samuel",
  "Linh",
  "Omar",
  "Rachel",
  "Tomas",
  "Yuki",
  "Anita",
  "Marcus",
  "Ines",
  "Paul",
  "Farah",
];
const LAST = [
  "Alvarez",
  "Nguyen",
  "Patel",
  "Okafor",
  "Chen",
  "Larsen",
  "Haddad",
  "Romero",
  "Kim",
  "Sullivan",
  "Moreno",
  "Ibarra",
  "Novak",
  "Castillo",
  "Tanaka",
  "Brennan",
  "Osei",
  "Varga",
  "Lindqvist",
  "Mendez",
  "Farouk",
  "Whitaker",
  "Delgado",
  "Park",
  "Rahimi",
  "Costa",
  "Ward",
  "Ferreira",
  "Hughes",
  "Singh",
];
const CLINIC_PLACES = [
  "Bayview",
  "Mission Hills",
  "Cedar Valley",
  "Riverside",
  "Canyon Ridge",
  "Harborview",
  "Desert Bloom",
  "Evergreen",
  "Pacific Crest",
  "Summit Park",
  "Lakeside",
  "Sierra Vista",
];
const CLINIC_KINDS = ["Medical Group", "Clinic", "Health Center", "Associates", "Care Partners"];
const SPECIALTY_WORD: Record<Specialty, string> = {
  primary_care: "Family",
  cardiology: "Heart",
  orthopedics: "Orthopedic",
  behavioral_health: "Behavioral Health",
  pediatrics: "Pediatric",
  dermatology: "Dermatology",
  neurology: "Neurology",
  oncology: "Cancer",
  obstetrics_gynecology: "Women's Health",
  endocrinology: "Endocrine",
  gastroenterology: "Digestive Health",
  pulmonology: "Lung",
  ophthalmology: "Eye",
  physical_therapy: "Physical Therapy",
};
/** Typical wait in days for a new patient. */
const WAIT: Record<Specialty, [number, number]> = {
  primary_care: [1, 30],
  pediatrics: [1, 21],
  behavioral_health: [3, 60],
  cardiology: [3, 60],
  orthopedics: [2, 45],
  obstetrics_gynecology: [2, 40],
  dermatology: [7, 90],
  neurology: [7, 90],
  oncology: [2, 21],
  endocrinology: [7, 75],
  gastroenterology: [5, 60],
  pulmonology: [5, 50],
  ophthalmology: [3, 45],
  physical_therapy: [1, 14],
};

/** NPI check digit: Luhn over the 9 digits prefixed with 80840, as CMS specifies. */
function npi(rng: Rng, used: Set<string>): string {
  for (;;) {
    const base = `1${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;
    const digits = `80840${base}`;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = digits.charCodeAt(digits.length - 1 - i) - 48;
      if (i % 2 === 0) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    const value = base + String((10 - (sum % 10)) % 10);
    if (!used.has(value)) {
      used.add(value);
      return value;
    }
  }
}

function ageGroups(rng: Rng, s: Specialty): Provider["age_groups"] {
  if (s === "pediatrics") return ["pediatric"];
  if (s === "obstetrics_gynecology") return ["adult"];
  if (s === "primary_care") return rng.chance(0.5) ? ["pediatric", "adult", "geriatric"] : ["adult", "geriatric"];
  return rng
    .weighted([
      [undefined, 3],
      [["adult", "geriatric"], 5],
      [["pediatric"], 0.5],
      [["geriatric"], 0.5],
    ] as const)
    ?.slice();
}

function provider(rng: Rng, index: number, usedNpi: Set<string>): Provider {
  const specialty = rng.weighted(SPECIALTIES.map((s) => [s, SPECIALTY_WEIGHTS[s]] as const));
  const [state, lo, hi] = rng.weighted(METROS.map((m) => [m, m[3]] as const));
  const zip = realZip(rng.int(lo, hi), rng.int(1, 99), lo, hi);
  const person = rng.chance(0.65);
  const name = person ? `Dr. ${rng.pick(FIRST)} ${rng.pick(LAST)}` : `${rng.pick(CLINIC_PLACES)} ${SPECIALTY_WORD[specialty]} ${rng.pick(CLINIC_KINDS)}`;
  const subs = SUBSPECIALTIES[specialty];
  const [wmin, wmax] = WAIT[specialty];
  const age = rng.weighted([
    [[0, 60], 40],
    [[60, 170], 30],
    [[170, 400], 30],
  ] as const);
  const spanish = state === "CA" || state === "AZ" || state === "NV" ? 0.4 : 0.2;
  return {
    id: `prv_${String(index + 1).padStart(4, "0")}`,
    name,
    npi: npi(rng, usedNpi),
    specialty,
    subspecialties: subs && rng.chance(0.45) ? rng.sample(subs, rng.int(1, 2)) : [],
    state,
    zip,
    networks: rng.sample(PLANS, rng.int(2, 5)).map((plan) => ({
      plan,
      tier: rng.weighted([
        [1, 40],
        [2, 40],
        [3, 20],
      ]),
      prior_auth: rng.chance(0.15),
    })),
    accepting_new_patients: rng.weighted([
      [true, 75],
      [false, 15],
      [null, 10],
    ]),
    next_available_days: rng.chance(0.07) ? null : Math.round(wmin + (wmax - wmin) * rng.float() ** 1.6),
    languages: [
      ...(rng.chance(0.97) ? (["en"] as const) : []),
      ...(rng.chance(spanish) ? (["es"] as const) : []),
      ...rng.sample(
        ["zh", "vi", "tl", "ko", "ru", "fa", "hy", "ar", "hi", "pt", "fr"] as const,
        rng.weighted([
          [0, 6],
          [1, 3],
          [2, 1],
        ]),
      ),
    ],
    age_groups: ageGroups(rng, specialty),
    referral_required: specialty !== "primary_care" && rng.chance(0.25),
    quality_stars: rng.chance(0.06) ? null : round(rng.normal(3.9, 0.6, 1.5, 5) * 2) / 2,
    cost_tier: rng.chance(0.05)
      ? null
      : rng.weighted([
          [1, 35],
          [2, 45],
          [3, 20],
        ]),
    facility_fee: rng.chance(0.15),
    rate_index: rng.chance(0.08) ? null : round(rng.normal(100, 15, 65, 160)),
    patient_experience: rng.chance(0.08) ? null : round(rng.normal(78, 10, 40, 99)),
    board_certified: rng.weighted([
      [true, 85],
      [false, 10],
      [null, 5],
    ]),
    last_verified: rng.chance(0.02) ? null : daysBefore(PROVIDERS_REFERENCE_DATE, rng.int(age[0], age[1])),
  };
}

export function generateProviders(count = 1200, seed = 20260101): Provider[] {
  const rng = new Rng(seed);
  const usedNpi = new Set<string>();
  const out: Provider[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = provider(rng, i, usedNpi);
  return out;
}
