/**
 * The six carrier dimension scorers. Each returns a level 1 (L1) … 4 (L4) and, only when explain()
 * passes an evidence sink, also says which rule fired and the values it used. One function per
 * dimension serves both paths, so evaluate() and explain() cannot disagree.
 */
import type { DimensionScorer, EvidenceSink } from "../../types";
import { band, money, percent, relative } from "../../format";
import { ratingRank, sizeRank, type Carrier, type CarrierLine } from "./schema";
import { type CarrierCtx, clampLevel, keyFeatureCount, lineOf, naicsMatch, surplusOnly } from "./context";
import { LINE_LABELS, featureLabel } from "./lines";

type S = DimensionScorer<CarrierCtx, Carrier>;

/** 0: comfortably inside the band, 1: near its floor, 2: near its ceiling. */
export function bandEdge(revenue: number, l: CarrierLine, edgePct: number): 0 | 1 | 2 {
  const f = edgePct / 100;
  if (l.revenue_min != null && l.revenue_min > 0 && revenue < l.revenue_min * (1 + f)) return 1;
  if (l.revenue_max != null && revenue > l.revenue_max * (1 - f)) return 2;
  return 0;
}

function fill(ev: EvidenceSink, rule: string, evidence: string, values: Record<string, unknown>): void {
  ev.rule = rule;
  ev.evidence = evidence;
  ev.values = values;
}

export const appetite: S = (x, c, ev) => {
  const r = x.rules.appetite;
  const l = lineOf(x, c);
  let delta = 0;
  let matched: string | null = null;
  const checksClass = x.naics !== null && l.target_naics !== undefined && l.target_naics.length > 0;
  if (checksClass) {
    matched = naicsMatch(x.naics!, l.target_naics);
    delta = matched !== null ? -r.naics_target_bonus : r.naics_off_target_penalty;
  }
  const edge = bandEdge(x.revenue, l, r.band_edge_pct);
  if (edge !== 0) delta += r.band_edge_penalty;
  const level = clampLevel(r.base_level[l.appetite] + delta);
  if (ev) {
    const edgeText = edge === 1 ? "floor" : "ceiling";
    const classRule = !checksClass ? "" : matched ? ` & NAICS in target class ${matched}` : " & NAICS outside target classes";
    const classText = !checksClass
      ? ""
      : matched
        ? `; NAICS ${x.naics} is in its target class ${matched}`
        : `; NAICS ${x.naics} is outside its target classes (${l.target_naics!.join(", ")})`;
    fill(
      ev,
      `appetite.strength=${l.appetite}${classRule} & revenue ${edge ? `at band ${edgeText}` : "inside band"}`,
      `${LINE_LABELS[x.line]} appetite is "${l.appetite}" with a ${band(l.revenue_min, l.revenue_max)} revenue band, and ${money(x.revenue)} is ${
        edge ? `within ${r.band_edge_pct}% of its ${edgeText}` : "comfortably inside it"
      }${classText}.`,
      {
        appetite: l.appetite,
        revenue: x.revenue,
        revenue_min: l.revenue_min ?? null,
        revenue_max: l.revenue_max ?? null,
        band_edge: edge === 0 ? null : edgeText,
        naics: x.naics,
        target_naics: l.target_naics ?? [],
        matched_target: matched,
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

/** Rate position including surplus-lines tax when the carrier is E&S in the home state; null if unknown. */
export function effectiveRate(x: CarrierCtx, c: Carrier): number | null {
  const rp = lineOf(x, c).rate_position;
  if (rp == null) return null;
  return surplusOnly(x, c) ? rp + x.rules.pricing.surplus_lines_tax_pct : rp;
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
    fill(
      ev,
      rate === null ? "pricing.rate_position unknown" : `pricing.rate_position ${signed(rate)}%${sl ? " incl. surplus-lines tax" : ""} → L${level}`,
      rate === null
        ? "The appetite guide publishes no rate position for this line."
        : `Rates run ${relative(rate, "market")}${sl ? ` including ${r.surplus_lines_tax_pct}% surplus-lines tax and fees` : ""}.`,
      { rate_position: lineOf(x, c).rate_position ?? null, surplus_lines: sl, effective_rate_position: rate },
    );
  }
  return level;
};

export const placement: S = (x, c, ev) => {
  const r = x.rules.placement;
  const p = c.placement;
  const days = p?.quote_turnaround_days ?? null;
  const hit = p?.hit_ratio ?? null;
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
      `placement.points ${points} → L${level}`,
      `${days === null ? "Unknown quote turnaround" : `${days}-day quote turnaround`}, ${hit === null ? "unknown hit ratio" : `${percent(hit)} hit ratio`}, ${
        p?.binding_authority ? "binding authority" : "no binding authority"
      }, submissions by ${p?.submission_channel ?? "unknown channel"}${sl ? ", surplus-lines placement" : ""}.`,
      {
        quote_turnaround_days: days,
        hit_ratio: hit,
        binding_authority: p?.binding_authority ?? null,
        submission_channel: p?.submission_channel ?? null,
        surplus_lines: sl,
        points,
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
