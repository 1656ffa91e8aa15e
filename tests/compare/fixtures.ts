/** Two stored evaluations of the same risk, before and after an edit, written out by hand. */
import type { EvaluationSnapshot } from "@/lib/compare/evaluations";

const L = (s: string) => Object.fromEntries(["appetite", "coverage", "financial", "pricing", "placement", "service"].map((d, i) => [d, `L${s[i]}`]));

export const BEFORE: EvaluationSnapshot = {
  eval_id: "eval_before01",
  domain: "carriers",
  pool: "carriers:all",
  pool_version: 1,
  rules_version: 0,
  engine_version: "1.0.0",
  profile: { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12_000_000 },
  candidates: [
    { id: "car_a", name: "Alder Mutual", tier: "STRONG_FIT", confidence: "HIGH", scores: L("111111"), score: 100 },
    { id: "car_b", name: "Birch Casualty", tier: "STRONG_FIT", confidence: "HIGH", scores: L("112111"), score: 95 },
    { id: "car_c", name: "Cedar Specialty", tier: "MODERATE_FIT", confidence: "MEDIUM", scores: L("222222"), score: 70 },
    { id: "car_d", name: "Dogwood Insurance", tier: "WEAK_FIT", confidence: "LOW", scores: L("333333"), score: 40 },
  ],
  eliminated: { state_not_admitted: ["car_e"], revenue_outside_band: ["car_f"] },
  names: new Map([
    ["car_e", "Elm Indemnity"],
    ["car_f", "Fir Assurance"],
  ]),
};

/** Revenue raised to 40M: Birch drops out of its band, Fir comes in at the top, Cedar falls a tier. */
export const AFTER: EvaluationSnapshot = {
  ...BEFORE,
  eval_id: "eval_after001",
  profile: { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 40_000_000, naics: "541511" },
  rules_version: 2,
  candidates: [
    { id: "car_f", name: "Fir Assurance", tier: "STRONG_FIT", confidence: "HIGH", scores: L("111111"), score: 100, market: "admitted" } as never,
    { id: "car_a", name: "Alder Mutual", tier: "STRONG_FIT", confidence: "HIGH", scores: L("111111"), score: 100 },
    { id: "car_d", name: "Dogwood Insurance", tier: "WEAK_FIT", confidence: "LOW", scores: L("333333"), score: 40 },
    { id: "car_c", name: "Cedar Specialty", tier: "WEAK_FIT", confidence: "MEDIUM", scores: L("232322"), score: 55 },
  ],
  eliminated: { state_not_admitted: ["car_e"], revenue_outside_band: ["car_b"] },
  names: new Map([
    ["car_e", "Elm Indemnity"],
    ["car_b", "Birch Casualty"],
  ]),
};
