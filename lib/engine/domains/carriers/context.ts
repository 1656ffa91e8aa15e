import type { CarrierProfile, Carrier, CarrierLine, ClassAppetite, AppetiteStrength } from "./schema";
import { ratingRank, sizeRank } from "./schema";
import type { CarrierRules } from "./rules";
import { EXPOSURE_BASIS, EXPOSURE_UNITS, type ExposureField, type ExposureUnit, type Line } from "./lines";
import { REGULATORY_RULES, ruleApplies, type RegulatoryRule } from "./regulatory";
import type { SurplusLinesRow } from "./surplus-lines";
import { dayNumber } from "../../dates";
import type { State } from "../../geo";

/** Everything about the profile and rules that evaluate() needs per candidate, computed once. */
export interface CarrierCtx {
  rules: CarrierRules;
  profile: CarrierProfile;
  asOfDay: number;
  /** Day data age is measured at: the effective date when it is later than as-of, else as-of. */
  ageDay: number;
  effectiveDay: number;
  state: State;
  line: Line;
  /** The exposure the line is rated on, and its value (NaN when the profile lacks it, which the schema prevents). */
  basis: ExposureField;
  unit: ExposureUnit;
  exposure: number;
  revenue: number | null;
  naics: string | null;
  requestedLimit: number;
  limitRequested: boolean;
  years: number | null;
  claims: number | null;
  deductible: number | null;
  experienceMod: number;
  minRatingRank: number;
  notRatedRank: number;
  minSizeRank: number;
  keyFeatures: readonly string[];
  financialLevels: { level: number; rating: number; size: number }[];
  /** Names of the line's fields that count for completeness, built once. */
  lineFieldNames: [string, string, string, string];
  /** The home state's surplus-lines requirement (org overrides applied). */
  sl: SurplusLinesRow;
  /** Tax + fee added to an SL premium, as a fraction. */
  slRate: number;
  /** Regulatory rules that apply to this line and state. */
  regulatory: { any: RegulatoryRule | null; surplusLines: RegulatoryRule | null };
  /** Market reference rate for the line, per exposure unit. */
  referenceRate: number;
  /** Per-candidate facts, recomputed when the candidate changes (filters and scorers share them). */
  memo: Facts;
}

/** What several filters and scorers need about one carrier for this profile. */
export interface Facts {
  c: Carrier | null;
  line: CarrierLine | undefined;
  /** 0 = admitted in the home state, 1 = surplus lines, -1 = neither. */
  market: number;
  /** Appetite strength for the line in the home state. */
  appetite: AppetiteStrength;
  classAppetite: ClassAppetite | null;
  classPrefix: string | null;
  /** Whether the guide lists any class for the line (then an unlisted class is a real "unknown"). */
  listsClasses: boolean;
  /** Indicated premium before surplus-lines tax, or NaN when the carrier publishes neither a base rate nor a rate position. */
  premium: number;
  /** Indicated premium as the insured pays it (incl. SL tax and fee when surplus lines), NaN as above. */
  premiumTotal: number;
  /** Rate used per exposure unit, and whether it is the carrier's own. */
  rate: number;
  ownRate: boolean;
}

export function prepareCarriers(profile: CarrierProfile, rules: CarrierRules, asOfDay: number): CarrierCtx {
  const basis = EXPOSURE_BASIS[profile.line];
  const effectiveDay = dayNumber(profile.effective_date);
  const sl = rules.surplus_lines.states[profile.state];
  const flat = rules.pricing.surplus_lines_tax_pct;
  let any: RegulatoryRule | null = null;
  let surplusLines: RegulatoryRule | null = null;
  for (const r of REGULATORY_RULES) {
    if (!ruleApplies(r, profile.line, profile.state)) continue;
    if (r.removes === "any") any ??= r;
    else surplusLines ??= r;
  }
  return {
    rules,
    profile,
    asOfDay,
    ageDay: effectiveDay > asOfDay ? effectiveDay : asOfDay,
    effectiveDay,
    state: profile.state,
    line: profile.line,
    basis,
    unit: EXPOSURE_UNITS[basis],
    exposure: profile[basis] ?? NaN,
    revenue: profile.revenue ?? null,
    naics: profile.naics ?? null,
    requestedLimit: profile.requested_limit ?? rules.coverage.default_requested_limit,
    limitRequested: profile.requested_limit != null,
    years: profile.years_in_business ?? null,
    claims: profile.prior_claims ?? null,
    deductible: profile.deductible ?? null,
    experienceMod: profile.line === "workers_compensation" ? (profile.experience_mod ?? 1) : 1,
    minRatingRank: ratingRank(rules.filters.min_am_best),
    notRatedRank: ratingRank("NR"),
    minSizeRank: rules.filters.min_financial_size ? sizeRank(rules.filters.min_financial_size) : 0,
    keyFeatures: rules.coverage.key_features[profile.line] ?? [],
    financialLevels: rules.financial.levels.map((l) => ({ level: l.level, rating: ratingRank(l.min_rating), size: sizeRank(l.min_size) })),
    lineFieldNames: [`lines.${profile.line}.max_limit`, `lines.${profile.line}.rate_position`, `lines.${profile.line}.features`, `lines.${profile.line}.min_premium`],
    sl,
    slRate: flat != null ? flat / 100 : sl.tax_rate + sl.stamping_fee_rate,
    regulatory: { any, surplusLines },
    referenceRate: rules.pricing.reference_rates[profile.line],
    memo: {
      c: null, line: undefined, market: -1, appetite: "consider", classAppetite: null, classPrefix: null, listsClasses: false,
      premium: NaN, premiumTotal: NaN, rate: NaN, ownRate: false,
    },
  };
}

/** The line record of the requested line; filters guarantee it exists before scoring. */
export function lineOf(x: CarrierCtx, c: Carrier): CarrierLine {
  return c.lines[x.line] as CarrierLine;
}

/** Longest NAICS prefix in a class-appetite record that the code starts with. */
function classOf(naics: string, l: CarrierLine, out: Facts): void {
  let best = "";
  let app: ClassAppetite | null = null;
  const table = l.naics_appetite;
  if (table) {
    for (const prefix in table) {
      if (prefix.length > best.length && naics.startsWith(prefix)) {
        best = prefix;
        app = table[prefix]!;
      }
    }
  }
  // Pool files before engine 2: target and excluded lists (a prohibition wins over a target).
  const legacy = [l.target_naics, l.excluded_naics];
  for (let k = 0; k < 2; k++) {
    const list = legacy[k];
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      if (naics.startsWith(p) && (p.length > best.length || (k === 1 && p.length === best.length))) {
        best = p;
        app = k === 0 ? "target" : "prohibited";
      }
    }
  }
  out.classAppetite = app;
  out.classPrefix = app ? best : null;
}

function listsClasses(l: CarrierLine): boolean {
  if (l.target_naics && l.target_naics.length > 0) return true;
  if (l.excluded_naics && l.excluded_naics.length > 0) return true;
  if (l.naics_appetite) for (const _ in l.naics_appetite) return true;
  return false;
}

/** The per-carrier facts, computed once per candidate and shared by filters, scorers and reasoning. */
export function facts(x: CarrierCtx, c: Carrier): Facts {
  const f = x.memo;
  if (f.c === c) return f;
  f.c = c;
  const l = c.lines[x.line];
  f.line = l;
  const inLineStates = !l || !l.states || l.states.includes(x.state);
  f.market = !inLineStates
    ? -1
    : c.admitted_states.includes(x.state)
      ? 0
      : x.rules.filters.allow_surplus_lines && c.surplus_lines_states.includes(x.state)
        ? 1
        : -1;
  if (!l) {
    f.appetite = "consider";
    f.classAppetite = null;
    f.classPrefix = null;
    f.listsClasses = false;
    f.premium = f.premiumTotal = f.rate = NaN;
    f.ownRate = false;
    return f;
  }
  f.appetite = l.state_appetite?.[x.state] ?? l.appetite;
  f.listsClasses = listsClasses(l);
  if (x.naics !== null) classOf(x.naics, l, f);
  else {
    f.classAppetite = null;
    f.classPrefix = null;
  }
  f.ownRate = l.base_rate != null;
  f.rate = l.base_rate ?? x.referenceRate;
  const position = l.rate_position;
  if (!f.ownRate && position == null) {
    f.premium = f.premiumTotal = NaN;
  } else {
    f.premium = round2(((f.rate * x.exposure) / x.unit.rate_per) * x.experienceMod * (f.ownRate ? 1 : 1 + (position ?? 0) / 100));
    f.premiumTotal = f.market === 1 ? round2(f.premium * (1 + x.slRate)) : f.premium;
  }
  return f;
}

/** Market reference premium: the reference rate × exposure × experience mod, admitted, at market. */
export function referencePremium(x: CarrierCtx): number {
  return round2(((x.referenceRate * x.exposure) / x.unit.rate_per) * x.experienceMod);
}

/** True when the carrier can write the home state only as a surplus-lines (E&S) market. */
export function surplusOnly(x: CarrierCtx, c: Carrier): boolean {
  return facts(x, c).market === 1;
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

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The band the line's exposure is judged against: revenue_min/max for revenue lines, exposure_min/max otherwise. */
export function bandOf(x: CarrierCtx, l: CarrierLine): [number | null, number | null] {
  return x.basis === "revenue" ? [l.revenue_min ?? null, l.revenue_max ?? null] : [l.exposure_min ?? null, l.exposure_max ?? null];
}
