import type { DomainPack } from "../../types";
import { buildFieldMeta } from "../../field-meta";
import { STATE_NAMES } from "../../geo";
import { dayNumber, formatDay } from "../../dates";
import { CarrierProfileSchema, CarrierSchema, type Carrier, type CarrierProfile } from "./schema";
import { CARRIER_RULES, type CarrierRules } from "./rules";
import { type CarrierCtx, facts, prepareCarriers } from "./context";
import { CARRIER_FILTERS, carrierFailMask } from "./filters";
import { CARRIER_SCORERS, indication } from "./scorers";
import { carrierAgeDays, carrierMissing, carrierProfileGaps } from "./quality";
import { carrierReasoning } from "./reasoning";
import { LINE_LABELS } from "./lines";
import { surplusLinesRequirement } from "./surplus-lines";

export const CARRIER_MARKETS = ["admitted", "surplus_lines"] as const;
export type CarrierMarket = (typeof CARRIER_MARKETS)[number];

/**
 * The effective-date check: null when fine, else why not. An effective date more than
 * `effective_date.grace_days` before the as-of day is refused at submission (lib/jobs) and noted
 * in the trace of any re-run.
 */
export function effectiveDateProblem(profile: { effective_date?: string }, asOf: string, rules: CarrierRules = CARRIER_RULES): string | null {
  if (!profile.effective_date) return null;
  const eff = dayNumber(profile.effective_date);
  const asOfDay = Math.floor(Date.parse(asOf) / 86_400_000);
  const grace = rules.effective_date.grace_days;
  if (eff < asOfDay - grace) {
    return `effective date ${profile.effective_date} is more than ${grace} days before ${formatDay(asOfDay)}`;
  }
  return null;
}

export const carriersDomain: DomainPack<CarrierProfile, Carrier, CarrierRules, CarrierCtx> = {
  id: "carriers",
  label: "Commercial insurance carriers",
  description: "Which carriers will write this risk, and which fit best: regulatory knock-outs, then appetite guides scored on six dimensions.",
  profileSchema: CarrierProfileSchema,
  candidateSchema: CarrierSchema,
  defaultRules: CARRIER_RULES,
  fieldMeta: buildFieldMeta(CarrierProfileSchema, { state: STATE_NAMES, line: LINE_LABELS }),
  filterCodes: CARRIER_FILTERS.map((f) => f.code),
  filterRuleText: Object.fromEntries(CARRIER_FILTERS.map((f) => [f.code, f.text])),
  exampleProfile: { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12_000_000 },
  checkAtSubmission: (profile, asOf) => {
    const problem = effectiveDateProblem(profile, asOf);
    return problem ? [{ path: "effective_date", code: "effective_date_past", message: `Invalid value for profile.effective_date: ${problem}` }] : [];
  },
  engine: {
    prepare: prepareCarriers,
    filters: CARRIER_FILTERS,
    failMask: carrierFailMask,
    scorers: CARRIER_SCORERS,
    dataAgeDays: carrierAgeDays,
    missingCount: (x, c) => carrierMissing(x, c, null),
    missingFields: (x, c) => {
      const names: string[] = [];
      carrierMissing(x, c, names);
      return names;
    },
    reasoning: carrierReasoning,
    markets: CARRIER_MARKETS,
    market: (x, c) => (facts(x, c).market === 1 ? 1 : 0),
    rankByMarket: (x) => x.rules.ranking.admitted_first,
    profileGaps: carrierProfileGaps,
    extras: (x, c) => {
      const ind = indication(x, c);
      const out: Record<string, unknown> = { premium_indication: ind ? ind.premium : null };
      if (facts(x, c).market === 1) {
        const req = surplusLinesRequirement(x.state, x.rules.surplus_lines.states);
        out.surplus_lines = {
          declinations_required: req.declinations_required,
          tax_rate: req.tax_rate,
          stamping_fee_rate: req.stamping_fee_rate,
          source: req.source,
        };
      }
      return out;
    },
    notes: (x) => {
      const notes: string[] = [];
      const p = effectiveDateProblem(x.profile, `${formatDay(x.asOfDay)}T00:00:00Z`, x.rules);
      if (p) notes.push(p);
      if (x.regulatory.any) notes.push(`${x.regulatory.any.text} (${x.regulatory.any.source})`);
      if (x.observed) {
        const n = x.rules.placement.observed_quote_rate.min_submissions;
        const enough = Object.values(x.observed.figures).filter((f) => f.submissions >= n).length;
        notes.push(
          `Observed quote rate rule on: the organization's own quote rate replaces the published hit ratio in placement for carriers with at least ${n} submission${n === 1 ? "" : "s"} in ${LINE_LABELS[x.line]} (${enough} of ${Object.keys(x.observed.figures).length} carriers with figures, submitted ${x.observed.since.slice(0, 10)} to ${x.observed.until.slice(0, 10)})`,
        );
      }
      return notes;
    },
    observedUsed: (x) => x.observed,
  },
};

/** Extra fields engine 2 adds to a carrier in the result. */
export interface CarrierResultExtras {
  market: CarrierMarket;
  premium_indication: number | null;
  surplus_lines?: { declinations_required: number; tax_rate: number; stamping_fee_rate: number; source: string };
}

export * from "./schema";
export * from "./lines";
export { CARRIER_RULES, type CarrierRules } from "./rules";
export { REGULATORY_RULES, MONOPOLISTIC_WC_STATES, type RegulatoryRule } from "./regulatory";
export { SURPLUS_LINES_BY_STATE, surplusLinesRequirement, type SurplusLinesRequirement, type SurplusLinesRow } from "./surplus-lines";
