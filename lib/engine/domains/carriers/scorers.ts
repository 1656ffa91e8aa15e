/**
 * The six carrier dimension scorers. Each returns a level 1 (L1) … 4 (L4) and, only when explain()
 * passes an evidence sink, also says which rule fired and the values it used. One function per
 * dimension serves both paths, so evaluate() and explain() cannot disagree.
 */
import type { DimensionScorer, EvidenceSink } from "../../types";
import { money, percent, relative } from "../../format";
import { ratingRank, sizeRank, type Carrier, type CarrierLine } from "./schema";
import {
  type CarrierCtx,
  type Facts,
  bandOf,
  clampLevel,
  classFacts,
  guideListsClasses,
  keyFeatureCount,
  lineOf,
  premiumFacts,
  referencePremium,
  surplusOnly,
} from "./context";
import { LINE_LABELS, featureLabel } from "./lines";
import { bandText, exposureText } from "./exposure";

type S = DimensionScorer<CarrierCtx, Carrier>;

/** 0: comfortably inside the band, 1: near its floor, 2: near its ceiling. */
export function bandEdge(value: number, lo: number | null, hi: number | null, edgePct: number): 0 | 1 | 2 {
  const f = edgePct / 100;
  if (lo != null && lo > 0 && value < lo * (1 + f)) return 1;
  if (hi != null && value > hi * (1 - f)) return 2;
  return 0;
}

/** Band edge of the carrier's line for this profile's exposure. */
export function edgeOf(x: CarrierCtx, l: CarrierLine): 0 | 1 | 2 {
  const [lo, hi] = bandOf(x, l);
  return bandEdge(x.exposure, lo, hi, x.rules.appetite.band_edge_pct);
}

function fill(ev: EvidenceSink, rule: string, evidence: string, values: Record<string, unknown>): void {
  ev.rule = rule;
  ev.evidence = evidence;
  ev.values = values;
}

/** Levels the class fit moves appetite by: target −bonus, consider 0, unknown to a guide that lists classes +penalty. */
export function classDelta(x: CarrierCtx, f: Facts): number {
  if (x.naics === null) return 0;
  if (f.classAppetite === "target") return -x.rules.appetite.naics_target_bonus;
  if (f.classAppetite === null && guideListsClasses(f.line)) return x.rules.appetite.naics_off_target_penalty;
  return 0;
}

export const appetite: S = (x, c, ev) => {
  const r = x.rules.appetite;
  const l = lineOf(x, c);
  const f = classFacts(x, c);
  let delta = classDelta(x, f);
  const edge = edgeOf(x, l);
  if (edge !== 0) delta += r.band_edge_penalty;
  const level = clampLevel(r.base_level[f.appetite] + delta);
  if (ev) {
    const [lo, hi] = bandOf(x, l);
    const edgeText = edge === 1 ? "floor" : "ceiling";
    const stateNote = l.state_appetite?.[x.state] ? ` in ${x.state} (its appetite elsewhere is "${l.appetite}")` : "";
    const cls =
      x.naics === null
        ? { rule: " & class unchecked (no NAICS)", text: "; no NAICS given, so class appetite is unchecked" }
        : f.classAppetite === "target"
          ? { rule: ` & NAICS class ${f.classPrefix} target`, text: `; NAICS ${x.naics} is in its target class ${f.classPrefix}` }
          : f.classAppetite === "consider"
            ? { rule: ` & NAICS class ${f.classPrefix} consider`, text: `; NAICS ${x.naics} is a class it will consider (${f.classPrefix})` }
            : guideListsClasses(l)
              ? { rule: " & NAICS class unknown to the guide", text: `; NAICS ${x.naics} is not in its class guide (unknown, not accepted)` }
              : { rule: " & no class guide", text: "; it publishes no class guide for the line" };
    fill(
      ev,
      `appetite.strength=${f.appetite}${cls.rule} & ${x.unit.label} ${edge ? `at band ${edgeText}` : "inside band"}`,
      `${LINE_LABELS[x.line]} appetite is "${f.appetite}"${stateNote} with a ${bandText(x, lo, hi)} ${x.unit.label} band, and ${exposureText(x, x.exposure)} is ${
        edge ? `within ${r.band_edge_pct}% of its ${edgeText}` : "comfortably inside it"
      }${cls.text}.`,
      {
        appetite: f.appetite,
        state_appetite: l.state_appetite?.[x.state] ?? null,
        basis: x.basis,
        exposure: x.exposure,
        band_min: lo,
        band_max: hi,
        band_edge: edge === 0 ? null : edgeText,
        naics: x.naics,
        class_appetite: x.naics === null ? null : (f.classAppetite ?? "unknown"),
        matched_class: f.classPrefix,
      },
    );
  }
  return level;
};

export const coverage: S = (x, c, ev) => {
  const r = x.rules.coverage;
  const l = lineOf(x, c);
  const max = l.max_limit ?? null;
  const headroom = max !== null ? max / x.requestedLimit : r.unknown_limit_headroom;
  const features = keyFeatureCount(x, l.features);
  let level = 4;
  for (const row of r.levels) {
    if (headroom >= row.min_headroom && features >= row.min_key_features) {
      level = row.level;
      break;
    }
  }
  if (ev) {
    const have = x.keyFeatures.filter((f) => l.features?.includes(f)).map(featureLabel);
    const limitText = max === null ? "No published maximum limit" : `A ${money(max)} maximum limit`;
    fill(
      ev,
      `coverage.headroom ${max === null ? "unknown" : `${round1(headroom)}×`} & ${features}/${x.keyFeatures.length} key features → L${level}`,
      `${limitText} against ${x.limitRequested ? "the requested" : "an assumed"} ${money(x.requestedLimit)}, with ${features} of ${x.keyFeatures.length} key features${have.length ? ` (${have.join(", ")})` : ""}.`,
      {
        max_limit: max,
        requested_limit: x.requestedLimit,
        limit_requested: x.limitRequested,
        headroom: max === null ? null : round1(headroom),
        key_features_present: have,
        key_features: x.keyFeatures,
      },
    );
  }
  return level;
};

export const financial: S = (x, c, ev) => {
  const rr = ratingRank(c.am_best_rating);
  // An unpublished size counts as the smallest category, I: it can still reach the rows without a size bar.
  const sr = sizeRank(c.financial_size) || 1;
  let level = 4;
  for (const row of x.financialLevels) {
    if (rr <= row.rating && sr >= row.size) {
      level = row.level;
      break;
    }
  }
  const negative = c.am_best_outlook === "negative";
  if (negative) level = clampLevel(level + x.rules.financial.negative_outlook_penalty);
  if (ev) {
    const rating = c.am_best_rating ?? "NR";
    const size = c.financial_size ?? "unknown size";
    fill(
      ev,
      `financial.rating ${rating} & size ${size}${negative ? " & negative outlook" : ""} → L${level}`,
      `AM Best ${rating} (${size}) with ${c.am_best_outlook ?? "no published"} outlook.`,
      { am_best_rating: rating, financial_size: c.financial_size ?? null, am_best_outlook: c.am_best_outlook ?? null },
    );
  }
  return level;
};

/**
 * Indicated premium (incl. SL tax and fee) against the market reference premium, in %; null when
 * the carrier publishes neither a base rate nor a rate position.
 */
export function effectiveRate(x: CarrierCtx, c: Carrier): number | null {
  const f = premiumFacts(x, c);
  if (Number.isNaN(f.premiumTotal)) return null;
  const ref = referencePremium(x);
  return ref > 0 ? Math.round((f.premiumTotal / ref - 1) * 1000) / 10 : 0;
}

/** The arithmetic of a carrier's premium indication, for the trace and the result. */
export function indication(x: CarrierCtx, c: Carrier) {
  const f = premiumFacts(x, c);
  const l = lineOf(x, c);
  if (Number.isNaN(f.premium)) return null;
  return {
    premium: f.premiumTotal,
    premium_before_tax: f.premium,
    basis: x.basis,
    exposure: x.exposure,
    rate: f.rate,
    rate_per: x.unit.rate_per_label,
    rate_source: f.ownRate ? "carrier base rate" : "market reference rate",
    rate_position: f.ownRate ? null : (l.rate_position ?? null),
    experience_mod: x.line === "workers_compensation" ? x.experienceMod : null,
    surplus_lines_tax_and_fee: f.market === 1 ? x.slRate : null,
    min_premium: l.min_premium ?? null,
  };
}

export const pricing: S = (x, c, ev) => {
  const r = x.rules.pricing;
  const rate = effectiveRate(x, c);
  let level = r.unknown_level;
  if (rate !== null) {
    level = 4;
    for (const row of r.levels) {
      if (rate <= row.max_rate_position) {
        level = row.level;
        break;
      }
    }
  }
  if (ev) {
    const sl = surplusOnly(x, c);
    const ind = indication(x, c);
    const ref = referencePremium(x);
    fill(
      ev,
      rate === null ? "pricing.indication unknown" : `pricing.indication ${signed(rate)}% vs market${sl ? " incl. surplus-lines tax and fee" : ""} → L${level}`,
      rate === null || !ind
        ? "The appetite guide publishes neither a base rate nor a rate position for this line, so no premium can be indicated."
        : `Indicated premium ${money(ind.premium)} (${ind.rate} ${ind.rate_per} × ${exposureText(x, x.exposure)}${ind.experience_mod != null ? ` × mod ${ind.experience_mod}` : ""}${
            ind.rate_position != null ? `, rates ${relative(ind.rate_position, "market")}` : ""
          }${sl ? `, + ${pct(x.slRate)} ${x.state} surplus-lines tax and fee` : ""}) against a ${money(ref)} market reference: ${relative(rate, "market")}. An indication, not a quote.`,
      { ...(ind ?? {}), reference_premium: ref, vs_market_pct: rate, surplus_lines: sl },
    );
  }
  return level;
};

function pct(r: number): string {
  return `${Math.round(r * 10000) / 100}%`;
}

/**
 * The organization's observed figures for this carrier in the profile's line, when the
 * observed-quote-rate rule is on and figures were given: whether they are enough (≥ N
 * submissions) and the hit ratio placement then uses (observed, blended with the published one by
 * `weight`). Null when the rule is off or the carrier has no figure.
 */
export function observedQuoteRate(x: CarrierCtx, c: Carrier) {
  if (x.observed === null) return null;
  const f = Object.hasOwn(x.observed.figures, c.id) ? x.observed.figures[c.id] : null;
  if (!f || f.submissions <= 0) return null;
  const r = x.rules.placement.observed_quote_rate;
  const rate = f.quotes / f.submissions;
  const published = c.placement?.hit_ratio ?? null;
  const applied = f.submissions >= r.min_submissions;
  const used = !applied ? published : published === null ? rate : r.weight * rate + (1 - r.weight) * published;
  return { submissions: f.submissions, quotes: f.quotes, rate, applied, used, published, min_submissions: r.min_submissions, weight: r.weight };
}

function observedText(o: NonNullable<ReturnType<typeof observedQuoteRate>>, line: string): string {
  const mine = `your organization's quote rate ${percent(o.rate)} (${o.quotes} quoted of ${o.submissions} submitted in ${line})`;
  const needed = `${o.min_submissions} submission${o.min_submissions === 1 ? "" : "s"}`;
  if (!o.applied) return ` Observed: ${mine}, under the ${needed} the rule needs, so the published hit ratio counts.`;
  const how =
    o.published === null || o.weight === 1
      ? "used as the hit ratio"
      : `blended ${percent(o.weight)} with the published ${percent(o.published)}: ${percent(o.used!)}`;
  return ` Observed quote rate rule (at least ${needed}): ${mine}, ${how}.`;
}

export const placement: S = (x, c, ev) => {
  const r = x.rules.placement;
  const p = c.placement;
  const days = p?.quote_turnaround_days ?? null;
  const obs = x.observed === null ? null : observedQuoteRate(x, c);
  const hit = obs ? obs.used : (p?.hit_ratio ?? null);
  let points = 0;
  if (days !== null) points += days <= r.fast_turnaround_days ? r.fast_turnaround_points : days <= r.ok_turnaround_days ? r.ok_turnaround_points : 0;
  if (hit !== null) points += hit >= r.high_hit_ratio ? r.high_hit_ratio_points : hit >= r.ok_hit_ratio ? r.ok_hit_ratio_points : 0;
  if (p?.binding_authority === true) points += r.binding_authority_points;
  if (p?.submission_channel === "api") points += r.api_channel_points;
  const sl = surplusOnly(x, c);
  if (sl) points += r.surplus_lines_points;
  let level = 4;
  for (const row of r.levels) {
    if (points >= row.min_points) {
      level = row.level;
      break;
    }
  }
  if (ev) {
    fill(
      ev,
      `placement.points ${points} → L${level}${obs?.applied ? " (observed quote rate)" : ""}`,
      `${days === null ? "Unknown quote turnaround" : `${days}-day quote turnaround`}, ${hit === null ? "unknown hit ratio" : `${percent(hit)} hit ratio`}, ${
        p?.binding_authority ? "binding authority" : "no binding authority"
      }, submissions by ${p?.submission_channel ?? "unknown channel"}${
        sl ? `, surplus-lines placement (${x.sl.declinations_required} admitted declinations needed in ${x.state}: ${r.surplus_lines_points} point)` : ""
      }.${obs ? observedText(obs, LINE_LABELS[x.line]) : ""}`,
      {
        quote_turnaround_days: days,
        hit_ratio: hit,
        binding_authority: p?.binding_authority ?? null,
        submission_channel: p?.submission_channel ?? null,
        surplus_lines: sl,
        points,
        ...(obs
          ? {
              observed_quote_rate: {
                applied: obs.applied,
                submissions: obs.submissions,
                quotes: obs.quotes,
                quote_rate: Math.round(obs.rate * 10_000) / 10_000,
                min_submissions: obs.min_submissions,
                weight: obs.weight,
                published_hit_ratio: obs.published,
              },
            }
          : {}),
      },
    );
  }
  return level;
};

export const service: S = (x, c, ev) => {
  const r = x.rules.service;
  const sat = c.service?.claims_satisfaction ?? null;
  const idx = c.service?.naic_complaint_index ?? null;
  let level: number;
  if (sat === null && idx === null) {
    level = r.no_data_level;
  } else {
    level = 4;
    for (const row of r.levels) {
      if ((sat === null || sat >= row.min_claims_satisfaction) && (idx === null || idx <= row.max_complaint_index)) {
        level = row.level;
        break;
      }
    }
    if (sat === null || idx === null) level = Math.max(level, r.partial_data_best_level);
  }
  if (ev) {
    fill(
      ev,
      sat === null && idx === null ? "service.no data" : `service.claims_satisfaction ${sat ?? "?"} & complaint_index ${idx ?? "?"} → L${level}`,
      `${sat === null ? "No claims-satisfaction score" : `Claims satisfaction ${sat.toFixed(1)}/5`} and ${
        idx === null ? "no NAIC complaint index" : `NAIC complaint index ${idx.toFixed(2)} (1.00 = market norm)`
      }.`,
      { claims_satisfaction: sat, naic_complaint_index: idx },
    );
  }
  return level;
};

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return r > 0 ? `+${r}` : String(r);
}

/** In DIMENSIONS order. */
export const CARRIER_SCORERS: readonly S[] = [appetite, coverage, financial, pricing, placement, service];
