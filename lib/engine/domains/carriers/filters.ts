/**
 * Eligibility filters, in the order they are applied. Every filter runs on every carrier, so an
 * eliminated carrier records all its reasons; the first is the headline. Order follows how a
 * placement desk triages: the law first (regulatory knock-outs, from regulatory.ts), then can
 * they write here and this line, this size and class, are they secure enough, do the limit,
 * retention, premium and loss history fit the guide. Filters with a `nearMiss` say how far off a
 * failing carrier is and what would make it eligible, within the margins of `rules.near_miss`.
 */
import type { FilterDef } from "../../types";
import { money } from "../../format";
import { AM_BEST_RATINGS, ratingRank, sizeRank, type Carrier } from "./schema";
import { type CarrierCtx, bandOf, classFacts, facts, premiumFacts } from "./context";
import { LINE_LABELS } from "./lines";
import { REGULATORY_RULES } from "./regulatory";
import { exposureText, bandText } from "./exposure";

type F = FilterDef<CarrierCtx, Carrier>;

const [monopolisticRule, admittedOnlyRule] = REGULATORY_RULES;

const monopolistic: F = {
  code: monopolisticRule.code,
  text: monopolisticRule.text,
  source: monopolisticRule.source,
  fails: (x) => x.regulatory.any !== null,
  explain: (x) => ({
    rule: `${LINE_LABELS[x.line]} in ${x.state} is written only by the state fund`,
    values: { state: x.state, line: x.line, monopolistic_states: monopolisticRule.states },
  }),
};

const admittedOnly: F = {
  code: admittedOnlyRule.code,
  text: admittedOnlyRule.text,
  source: admittedOnlyRule.source,
  fails: (x, c) => x.regulatory.surplusLines !== null && facts(x, c).market === 1,
  explain: (x, c) => ({
    rule: `${LINE_LABELS[x.line]} must be placed with a carrier admitted in ${x.state}; this carrier could write it there only as surplus lines`,
    values: {
      state: x.state,
      line: x.line,
      admitted_in_state: c.admitted_states.includes(x.state),
      surplus_lines_state: c.surplus_lines_states.includes(x.state),
    },
  }),
};

const state: F = {
  code: "state_not_admitted",
  text: "Not admitted in the insured's home state, and not an accepted surplus-lines market there.",
  fails: (x, c) => !facts(x, c).inState,
  explain: (x, c) => ({
    rule: x.rules.filters.allow_surplus_lines
      ? `home state ${x.state} must be an admitted or surplus-lines state of the carrier`
      : `home state ${x.state} must be an admitted state of the carrier (surplus lines not accepted)`,
    values: {
      state: x.state,
      market_type: c.market_type,
      admitted_states: c.admitted_states.length,
      surplus_lines_states: c.surplus_lines_states.length,
      surplus_lines_allowed: x.rules.filters.allow_surplus_lines,
    },
  }),
};

const line: F = {
  code: "line_not_written",
  text: "Does not write the requested line of business.",
  fails: (x, c) => facts(x, c).line === undefined,
  explain: (x, c) => ({
    rule: `carrier must write the ${LINE_LABELS[x.line]} line`,
    values: { line: x.line, lines_written: Object.keys(c.lines) },
  }),
};

const lineState: F = {
  code: "line_not_in_state",
  text: "Writes the line, but not in the insured's home state (the line's state list leaves it out).",
  fails: (x, c) => {
    const l = facts(x, c).line;
    return l !== undefined && l.states !== undefined && !l.states.includes(x.state);
  },
  explain: (x, c) => ({
    rule: `the ${LINE_LABELS[x.line]} line must be written in ${x.state}`,
    values: { state: x.state, line_states: c.lines[x.line]?.states ?? null },
  }),
};

function outside(x: CarrierCtx, c: Carrier): number {
  const l = facts(x, c).line;
  if (!l) return 0;
  const [lo, hi] = bandOf(x, l);
  if (lo != null && x.exposure < lo) return -1;
  if (hi != null && x.exposure > hi) return 1;
  return 0;
}

const band: F = {
  code: "exposure_outside_band",
  text: "The exposure the line is rated on (revenue, payroll, TIV, power units or underlying limit) is outside the carrier's band for the line.",
  fails: (x, c) => outside(x, c) !== 0,
  explain: (x, c) => {
    const [lo, hi] = bandOf(x, c.lines[x.line]!);
    return {
      rule: `${x.unit.label} ${exposureText(x, x.exposure)} must be inside the ${bandText(x, lo, hi)} band`,
      values: { basis: x.basis, exposure: x.exposure, band_min: lo, band_max: hi },
    };
  },
  nearMiss: (x, c) => {
    const [lo, hi] = bandOf(x, c.lines[x.line]!);
    const side = outside(x, c);
    const edge = (side > 0 ? hi : lo)!;
    const pct = edge > 0 ? (Math.abs(x.exposure - edge) / edge) * 100 : Infinity;
    if (!(pct <= x.rules.near_miss.band_pct)) return null;
    return {
      margin: `${x.unit.label} ${exposureText(x, x.exposure)} is ${pctText(pct)} ${side > 0 ? "over the" : "under the"} ${exposureText(x, edge)} ${side > 0 ? "ceiling" : "floor"}`,
      fix: `eligible at ${side > 0 ? "or under" : "or over"} ${exposureText(x, edge)} of ${x.unit.label}, or with the carrier's referral`,
    };
  },
};

const prohibitedClass: F = {
  code: "excluded_class",
  text: "The insured's NAICS class is prohibited by the carrier for the line.",
  fails: (x, c) => x.naics !== null && facts(x, c).line !== undefined && classFacts(x, c).classAppetite === "prohibited",
  explain: (x, c) => ({
    rule: `NAICS ${x.naics} must not be a prohibited class for the line`,
    values: { naics: x.naics, matched_class: classFacts(x, c).classPrefix, class_appetite: "prohibited" },
  }),
};

const financialFloor: F = {
  code: "below_financial_floor",
  text: "AM Best rating (or financial size) below the brokerage's security floor; unrated carriers excluded unless allowed.",
  fails: (x, c) => {
    const r = ratingRank(c.am_best_rating);
    if (r === x.notRatedRank) return !x.rules.filters.allow_not_rated;
    return r > x.minRatingRank || (x.minSizeRank > 0 && sizeRank(c.financial_size) < x.minSizeRank);
  },
  explain: (x, c) => {
    const f = x.rules.filters;
    const size = f.min_financial_size ? ` and size ${f.min_financial_size}+` : "";
    return {
      rule: `AM Best ${f.min_am_best} or better${size}${f.allow_not_rated ? " (unrated accepted)" : ", unrated not accepted"}`,
      values: {
        am_best_rating: c.am_best_rating ?? "NR",
        financial_size: c.financial_size ?? null,
        min_am_best: f.min_am_best,
        min_financial_size: f.min_financial_size,
        allow_not_rated: f.allow_not_rated,
      },
    };
  },
  nearMiss: (x, c) => {
    const r = ratingRank(c.am_best_rating);
    if (r === x.notRatedRank) return null;
    if (x.minSizeRank > 0 && sizeRank(c.financial_size) < x.minSizeRank) return null;
    const notches = r - x.minRatingRank;
    if (notches > x.rules.near_miss.rating_notches) return null;
    return {
      margin: `AM Best ${AM_BEST_RATINGS[r]} is ${notches} notch${notches > 1 ? "es" : ""} under the ${x.rules.filters.min_am_best} floor`,
      fix: `eligible with a security-floor exception for ${AM_BEST_RATINGS[r]}`,
    };
  },
};

const limit: F = {
  code: "limit_above_max",
  text: "The requested limit is above the carrier's maximum limit for the line.",
  fails: (x, c) => {
    const max = facts(x, c).line?.max_limit;
    return x.limitRequested && max != null && x.requestedLimit > max;
  },
  explain: (x, c) => ({
    rule: `requested limit must not exceed the carrier's maximum limit`,
    values: { requested_limit: x.limitRequested ? x.requestedLimit : null, max_limit: c.lines[x.line]!.max_limit ?? null },
  }),
  nearMiss: (x, c) => {
    const max = c.lines[x.line]!.max_limit!;
    if (x.requestedLimit > max * x.rules.near_miss.limit_multiple) return null;
    return {
      margin: `requested ${money(x.requestedLimit)} is ${money(x.requestedLimit - max)} over the ${money(max)} maximum`,
      fix: `eligible at a ${money(max)} primary limit with ${money(x.requestedLimit - max)} bought as excess`,
    };
  },
};

const retention: F = {
  code: "deductible_below_retention",
  text: "The requested deductible is below the carrier's minimum retention for the line.",
  fails: (x, c) => {
    const min = facts(x, c).line?.min_retention;
    return x.deductible !== null && min != null && x.deductible < min;
  },
  explain: (x, c) => ({
    rule: `requested deductible must be at least the carrier's minimum retention`,
    values: { deductible: x.deductible, min_retention: c.lines[x.line]!.min_retention ?? null },
  }),
  nearMiss: (x, c) => {
    const min = c.lines[x.line]!.min_retention!;
    if (x.deductible! < min * x.rules.near_miss.retention_fraction) return null;
    return { margin: `deductible ${money(x.deductible!)} is under the ${money(min)} minimum retention`, fix: `eligible with a ${money(min)} deductible` };
  },
};

const minPremium: F = {
  code: "below_min_premium",
  text: "The indicated premium is below the carrier's minimum premium for the line.",
  fails: (x, c) => {
    const min = facts(x, c).line?.min_premium;
    if (min == null) return false;
    const p = premiumFacts(x, c).premium;
    return p < min; // NaN (no indication) never fails
  },
  explain: (x, c) => ({
    rule: `indicated premium must reach the carrier's minimum premium`,
    values: { indicated_premium: premiumFacts(x, c).premium, min_premium: c.lines[x.line]!.min_premium ?? null },
  }),
  nearMiss: (x, c) => {
    const min = c.lines[x.line]!.min_premium!;
    const p = premiumFacts(x, c).premium;
    const pct = ((min - p) / min) * 100;
    if (pct > x.rules.near_miss.min_premium_pct) return null;
    return {
      margin: `indicated premium ${money(p)} is ${pctText(pct)} under the ${money(min)} minimum`,
      fix: `eligible if the insured accepts the ${money(min)} minimum premium`,
    };
  },
};

const years: F = {
  code: "years_below_minimum",
  text: "Years in business below the carrier's minimum for the line.",
  fails: (x, c) => {
    const min = facts(x, c).line?.min_years_in_business;
    return x.years !== null && min != null && x.years < min;
  },
  explain: (x, c) => ({
    rule: `years in business must be at least the carrier's minimum`,
    values: { years_in_business: x.years, min_years_in_business: c.lines[x.line]!.min_years_in_business ?? null },
  }),
  nearMiss: (x, c) => {
    const short = c.lines[x.line]!.min_years_in_business! - x.years!;
    if (short > x.rules.near_miss.years_short) return null;
    return { margin: `${x.years} years in business, ${short} short of the minimum`, fix: `eligible in ${short} year${short > 1 ? "s" : ""}` };
  },
};

const claims: F = {
  code: "claims_above_maximum",
  text: "More prior claims (last 5 years) than the carrier accepts for the line.",
  fails: (x, c) => {
    const max = facts(x, c).line?.max_prior_claims;
    return x.claims !== null && max != null && x.claims > max;
  },
  explain: (x, c) => ({
    rule: `prior claims in 5 years must not exceed the carrier's maximum`,
    values: { prior_claims: x.claims, max_prior_claims: c.lines[x.line]!.max_prior_claims ?? null },
  }),
  nearMiss: (x, c) => {
    const max = c.lines[x.line]!.max_prior_claims!;
    const over = x.claims! - max;
    if (over > x.rules.near_miss.claims_over) return null;
    return { margin: `${x.claims} prior claims, ${over} over the maximum of ${max}`, fix: `eligible with underwriter referral on loss history` };
  },
};

const experienceMod: F = {
  code: "experience_mod_above_maximum",
  text: "Workers' compensation experience mod above the carrier's maximum for the line.",
  fails: (x, c) => {
    const max = facts(x, c).line?.max_experience_mod;
    return x.experienceModGiven !== null && max != null && x.experienceModGiven > max;
  },
  explain: (x, c) => ({
    rule: `experience mod must not exceed the carrier's maximum`,
    values: { experience_mod: x.experienceModGiven, max_experience_mod: c.lines[x.line]!.max_experience_mod ?? null },
  }),
  nearMiss: (x, c) => {
    const max = c.lines[x.line]!.max_experience_mod!;
    const over = Math.round((x.experienceModGiven! - max) * 100) / 100;
    if (over > x.rules.near_miss.experience_mod_over) return null;
    return {
      margin: `experience mod ${x.experienceModGiven} is ${over} over the maximum of ${max}`,
      fix: `eligible with underwriter referral on the loss experience`,
    };
  },
};

function pctText(pct: number): string {
  return `${Math.round(pct * 10) / 10}%`;
}

export const CARRIER_FILTERS: readonly F[] = [
  monopolistic,
  admittedOnly,
  state,
  line,
  lineState,
  band,
  prohibitedClass,
  financialFloor,
  limit,
  retention,
  minPremium,
  years,
  claims,
  experienceMod,
];

/**
 * Bit f set when CARRIER_FILTERS[f] fails: the same `fails` functions, called from one place with
 * monomorphic call sites so V8 inlines them. evaluate() scans the pool with this; explain() and
 * the near-miss pass call the filters one by one. A test checks both give the same codes.
 */
export function carrierFailMask(x: CarrierCtx, c: Carrier): number {
  return (
    (monopolistic.fails(x, c) ? 1 : 0) |
    (admittedOnly.fails(x, c) ? 2 : 0) |
    (state.fails(x, c) ? 4 : 0) |
    (line.fails(x, c) ? 8 : 0) |
    (lineState.fails(x, c) ? 16 : 0) |
    (band.fails(x, c) ? 32 : 0) |
    (prohibitedClass.fails(x, c) ? 64 : 0) |
    (financialFloor.fails(x, c) ? 128 : 0) |
    (limit.fails(x, c) ? 256 : 0) |
    (retention.fails(x, c) ? 512 : 0) |
    (minPremium.fails(x, c) ? 1024 : 0) |
    (years.fails(x, c) ? 2048 : 0) |
    (claims.fails(x, c) ? 4096 : 0) |
    (experienceMod.fails(x, c) ? 8192 : 0)
  );
}
