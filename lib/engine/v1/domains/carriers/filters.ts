/**
 * Eligibility filters, in the order they are applied: the first one that fails is the recorded
 * reason. Order follows how an underwriter triages: can they write here, this line, this size,
 * this class; are they secure enough; do the limit and the loss history fit the guide.
 */
import type { FilterDef } from "../../types";
import { money, band } from "../../format";
import { ratingRank, sizeRank, type Carrier } from "./schema";
import { type CarrierCtx, naicsMatch } from "./context";
import { LINE_LABELS } from "./lines";

type F = FilterDef<CarrierCtx, Carrier>;

const state: F = {
  code: "state_not_admitted",
  text: "Not admitted in the insured's home state, and not an accepted surplus-lines market there.",
  fails: (x, c) => !c.admitted_states.includes(x.state as never) && !(x.rules.filters.allow_surplus_lines && c.surplus_lines_states.includes(x.state as never)),
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
  fails: (x, c) => c.lines[x.line] === undefined,
  explain: (x, c) => ({
    rule: `carrier must write the ${LINE_LABELS[x.line]} line`,
    values: { line: x.line, lines_written: Object.keys(c.lines) },
  }),
};

const revenue: F = {
  code: "revenue_outside_band",
  text: "Annual revenue is outside the carrier's revenue band for the line.",
  fails: (x, c) => {
    const l = c.lines[x.line]!;
    return (l.revenue_min != null && x.revenue < l.revenue_min) || (l.revenue_max != null && x.revenue > l.revenue_max);
  },
  explain: (x, c) => {
    const l = c.lines[x.line]!;
    return {
      rule: `revenue ${money(x.revenue)} must be inside the ${band(l.revenue_min, l.revenue_max)} band`,
      values: { revenue: x.revenue, revenue_min: l.revenue_min ?? null, revenue_max: l.revenue_max ?? null },
    };
  },
};

const excludedClass: F = {
  code: "excluded_class",
  text: "The insured's NAICS class is on the carrier's excluded (prohibited) list for the line.",
  fails: (x, c) => x.naics !== null && naicsMatch(x.naics, c.lines[x.line]!.excluded_naics) !== null,
  explain: (x, c) => ({
    rule: `NAICS ${x.naics ?? "(none given)"} must not start with an excluded class`,
    values: {
      naics: x.naics,
      matched_exclusion: x.naics ? naicsMatch(x.naics, c.lines[x.line]!.excluded_naics) : null,
      excluded_naics: c.lines[x.line]!.excluded_naics ?? [],
    },
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
};

const limit: F = {
  code: "limit_above_max",
  text: "The requested limit is above the carrier's maximum limit for the line.",
  fails: (x, c) => {
    const max = c.lines[x.line]!.max_limit;
    return x.limitRequested && max != null && x.requestedLimit > max;
  },
  explain: (x, c) => ({
    rule: `requested limit must not exceed the carrier's maximum limit`,
    values: { requested_limit: x.limitRequested ? x.requestedLimit : null, max_limit: c.lines[x.line]!.max_limit ?? null },
  }),
};

const years: F = {
  code: "years_below_minimum",
  text: "Years in business below the carrier's minimum for the line.",
  fails: (x, c) => {
    const min = c.lines[x.line]!.min_years_in_business;
    return x.years !== null && min != null && x.years < min;
  },
  explain: (x, c) => ({
    rule: `years in business must be at least the carrier's minimum`,
    values: { years_in_business: x.years, min_years_in_business: c.lines[x.line]!.min_years_in_business ?? null },
  }),
};

const claims: F = {
  code: "claims_above_maximum",
  text: "More prior claims (last 5 years) than the carrier accepts for the line.",
  fails: (x, c) => {
    const max = c.lines[x.line]!.max_prior_claims;
    return x.claims !== null && max != null && x.claims > max;
  },
  explain: (x, c) => ({
    rule: `prior claims in 5 years must not exceed the carrier's maximum`,
    values: { prior_claims: x.claims, max_prior_claims: c.lines[x.line]!.max_prior_claims ?? null },
  }),
};

export const CARRIER_FILTERS: readonly F[] = [state, line, revenue, excludedClass, financialFloor, limit, years, claims];
