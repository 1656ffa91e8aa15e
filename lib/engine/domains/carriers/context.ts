import type { CarrierProfile, Carrier, CarrierLine, ClassAppetite, AppetiteStrength } from "./schema";
import { ratingRank, sizeRank } from "./schema";
import type { CarrierRules } from "./rules";
import { EXPOSURE_BASIS, EXPOSURE_UNITS, type ExposureField, type ExposureUnit, type Line } from "./lines";
import { REGULATORY_RULES, ruleApplies, type RegulatoryRule } from "./regulatory";
import type { SurplusLinesRow } from "./surplus-lines";
import { dayNumber } from "../../dates";
import type { State } from "../../geo";
import type { ObservedMarket } from "../../types";

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
  allowSurplusLines: boolean;
  /** The exposure the line is rated on, and its value (NaN when the profile lacks it, which the schema prevents). */
  basis: ExposureField;
  unit: ExposureUnit;
  exposure: number;
  revenue: number | null;
  naics: string | null;
  /** The NAICS code's prefixes, 6 digits down to 2, or null. */
  naicsPrefixes: string[] | null;
  requestedLimit: number;
  limitRequested: boolean;
  years: number | null;
  claims: number | null;
  deductible: number | null;
  experienceMod: number;
  /** The experience mod the profile gives for workers' compensation; null when not given (the premium then uses 1.00). */
  experienceModGiven: number | null;
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
  /** The organization's observed figures for this line, when the observed-quote-rate rule is on and they were given; else null. */
  observed: ObservedMarket | null;
  /** Per-candidate facts, recomputed when the candidate changes (filters and scorers share them). */
  memo: Facts;
}

/** What several filters and scorers need about one carrier for this profile. */
export interface Facts {
  c: Carrier | null;
  /** Which lazy parts are computed for `c` (bit 1: class, bit 2: premium). */
  flags: number;
  line: CarrierLine | undefined;
  /** 0 = admitted in the home state, 1 = surplus lines, -1 = neither (for the line). */
  market: number;
  /** Admitted or an accepted surplus-lines market in the home state (any line). */
  inState: boolean;
  /** Appetite strength for the line in the home state (computed with the class, classFacts). */
  appetite: AppetiteStrength;
  classAppetite: ClassAppetite | null;
  classPrefix: string | null;
  /** Indicated premium before surplus-lines tax, or NaN when the carrier publishes neither a base rate nor a rate position. */
  premium: number;
  /** Indicated premium as the insured pays it (incl. SL tax and fee when surplus lines), NaN as above. */
  premiumTotal: number;
  /** Rate used per exposure unit, and whether it is the carrier's own. */
  rate: number;
  ownRate: boolean;
}

export function prepareCarriers(profile: CarrierProfile, rules: CarrierRules, asOfDay: number, observed?: ObservedMarket): CarrierCtx {
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
    allowSurplusLines: rules.filters.allow_surplus_lines,
    basis,
    unit: EXPOSURE_UNITS[basis],
    exposure: profile[basis] ?? NaN,
    revenue: profile.revenue ?? null,
    naics: profile.naics ?? null,
    naicsPrefixes: profile.naics ? [6, 5, 4, 3, 2].map((n) => profile.naics!.slice(0, n)) : null,
    requestedLimit: profile.requested_limit ?? rules.coverage.default_requested_limit,
    limitRequested: profile.requested_limit != null,
    years: profile.years_in_business ?? null,
    claims: profile.prior_claims ?? null,
    deductible: profile.deductible ?? null,
    experienceMod: profile.line === "workers_compensation" ? (profile.experience_mod ?? 1) : 1,
    experienceModGiven: profile.line === "workers_compensation" ? (profile.experience_mod ?? null) : null,
    minRatingRank: ratingRank(rules.filters.min_am_best),
    notRatedRank: ratingRank("NR"),
    minSizeRank: rules.filters.min_financial_size ? sizeRank(rules.filters.min_financial_size) : 0,
    keyFeatures: rules.coverage.key_features[profile.line] ?? [],
    financialLevels: rules.financial.levels.map((l) => ({ level: l.level, rating: ratingRank(l.min_rating), size: sizeRank(l.min_size) })),
    lineFieldNames: [
      `lines.${profile.line}.max_limit`,
      `lines.${profile.line}.rate_position`,
      `lines.${profile.line}.features`,
      `lines.${profile.line}.min_premium`,
    ],
    sl,
    slRate: flat != null ? flat / 100 : sl.tax_rate + sl.stamping_fee_rate,
    regulatory: { any, surplusLines },
    referenceRate: rules.pricing.reference_rates[profile.line],
    // Figures for another line are not this evaluation's: ignored, as if none were given.
    observed: rules.placement.observed_quote_rate.enabled && observed && observed.line === profile.line ? observed : null,
    memo: {
      c: null,
      flags: 0,
      line: undefined,
      market: -1,
      inState: false,
      appetite: "consider",
      classAppetite: null,
      classPrefix: null,
      premium: NaN,
      premiumTotal: NaN,
      rate: NaN,
      ownRate: false,
    },
  };
}

/** The line record of the requested line; filters guarantee it exists before scoring. */
export function lineOf(x: CarrierCtx, c: Carrier): CarrierLine {
  return facts(x, c).line as CarrierLine;
}

/**
 * A line's class guide as one Map from NAICS prefix to appetite, built once per pool record
 * (records are never mutated) from `naics_appetite` and the engine-1 lists: a legacy target never
 * overrides an entry of the same prefix, a legacy exclusion always does. Empty: no class guide.
 */
const guides = new WeakMap<CarrierLine, Map<string, ClassAppetite>>();

export function classGuide(l: CarrierLine): Map<string, ClassAppetite> {
  let g = guides.get(l);
  if (g === undefined) {
    g = new Map();
    if (l.naics_appetite) for (const [prefix, app] of Object.entries(l.naics_appetite)) g.set(prefix, app!);
    for (const p of l.target_naics ?? []) if (!g.has(p)) g.set(p, "target");
    for (const p of l.excluded_naics ?? []) g.set(p, "prohibited");
    guides.set(l, g);
  }
  return g;
}

/** Whether the line's guide lists any class (then a class not in it is a real "unknown"). */
export function guideListsClasses(l: CarrierLine | undefined): boolean {
  return l !== undefined && classGuide(l).size > 0;
}

/** Class appetite of the profile's NAICS code: the longest of its prefixes (6 down to 2 digits) the guide lists. */
function classOf(x: CarrierCtx, l: CarrierLine, out: Facts): void {
  const g = classGuide(l);
  out.classAppetite = null;
  out.classPrefix = null;
  if (g.size === 0) return;
  const prefixes = x.naicsPrefixes!;
  for (let i = 0; i < prefixes.length; i++) {
    const v = g.get(prefixes[i]);
    if (v !== undefined) {
      out.classAppetite = v;
      out.classPrefix = prefixes[i];
      return;
    }
  }
}

/**
 * The per-carrier facts, computed once per candidate and shared by filters, scorers and
 * reasoning. The line and the market are needed by nearly every filter and computed at once; the
 * class appetite and the premium only when a filter or scorer asks (classFacts, premiumFacts).
 */
export function facts(x: CarrierCtx, c: Carrier): Facts {
  const f = x.memo;
  if (f.c === c) return f;
  f.c = c;
  f.flags = 0;
  const l = c.lines[x.line];
  f.line = l;
  const reach = c.admitted_states.includes(x.state) ? 0 : x.allowSurplusLines && c.surplus_lines_states.includes(x.state) ? 1 : -1;
  f.inState = reach !== -1;
  f.market = l === undefined || l.states === undefined || l.states.includes(x.state) ? reach : -1;
  return f;
}

const CLASS = 1;
const PREMIUM = 2;

/** Class appetite of the profile's NAICS in the carrier's guide, and whether the guide lists classes at all. */
export function classFacts(x: CarrierCtx, c: Carrier): Facts {
  const f = facts(x, c);
  if (f.flags & CLASS) return f;
  f.flags |= CLASS;
  const l = f.line;
  f.classAppetite = null;
  f.classPrefix = null;
  if (l !== undefined && x.naicsPrefixes !== null) classOf(x, l, f);
  f.appetite = l === undefined ? "consider" : (l.state_appetite?.[x.state] ?? l.appetite);
  return f;
}

/** The premium indication (before and after surplus-lines tax and fee). */
export function premiumFacts(x: CarrierCtx, c: Carrier): Facts {
  const f = facts(x, c);
  if (f.flags & PREMIUM) return f;
  f.flags |= PREMIUM;
  const l = f.line;
  if (l === undefined) {
    f.premium = f.premiumTotal = f.rate = NaN;
    f.ownRate = false;
    return f;
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
