/** The one-sentence reasoning for an eligible carrier, built from its strongest and weakest evidence. */
import { band, money, percent, relative } from "../../format";
import type { Carrier } from "./schema";
import { type CarrierCtx, keyFeatureCount, lineOf, naicsMatch, surplusOnly } from "./context";
import { LINE_SHORT } from "./lines";
import { bandEdge, effectiveRate } from "./scorers";
import { DIMENSIONS } from "../../types";

const APPETITE_WORD = ["", "Strong", "Solid", "Limited", "Marginal"];

function lead(x: CarrierCtx, c: Carrier, level: number): string {
  const l = lineOf(x, c);
  const sl = surplusOnly(x, c) ? " (surplus lines)" : "";
  const cls = x.naics !== null && naicsMatch(x.naics, l.target_naics) ? ` for NAICS ${x.naics}` : "";
  const where =
    l.revenue_min == null && l.revenue_max == null
      ? "with no revenue band"
      : `${["in", "at the floor of", "at the top of"][bandEdge(x.revenue, l, x.rules.appetite.band_edge_pct)]} its ${band(l.revenue_min, l.revenue_max)} band`;
  return `${APPETITE_WORD[level]} ${x.state} ${LINE_SHORT[x.line]} appetite${sl}${cls} ${where}`;
}

/** A short noun phrase for dimension index d (1–5, DIMENSIONS order). */
function phrase(d: number, x: CarrierCtx, c: Carrier): string {
  const l = lineOf(x, c);
  switch (DIMENSIONS[d]) {
    case "coverage": {
      const n = keyFeatureCount(x, l.features);
      const lim = l.max_limit == null ? "unpublished max limit" : `${money(l.max_limit)} max limit`;
      return `${lim} with ${n} of ${x.keyFeatures.length} key features`;
    }
    case "financial":
      return `${c.am_best_rating ?? "NR"} (${c.financial_size ?? "size n/a"}) financials${c.am_best_outlook === "negative" ? " on negative outlook" : ""}`;
    case "pricing": {
      const r = effectiveRate(x, c);
      return r === null ? "unpublished pricing" : `pricing ${relative(r, "market")}${surplusOnly(x, c) ? " after SL tax" : ""}`;
    }
    case "placement": {
      const p = c.placement;
      const days = p?.quote_turnaround_days;
      const hit = p?.hit_ratio;
      const auth = p?.binding_authority ? " with binding authority" : "";
      if (days == null && hit == null) return `no published quote figures${auth}`;
      if (days == null) return `${percent(hit!)} hit ratio (turnaround unknown)${auth}`;
      if (hit == null) return `${days}-day quotes (hit ratio unknown)${auth}`;
      return `${days}-day quotes at a ${percent(hit)} hit ratio${auth}`;
    }
    default: {
      const sat = c.service?.claims_satisfaction;
      const idx = c.service?.naic_complaint_index;
      if (sat == null && idx == null) return "no service data";
      if (sat == null) return `NAIC complaint index ${idx!.toFixed(2)}`;
      if (idx == null) return `${sat.toFixed(1)}/5 claims satisfaction`;
      return `${sat.toFixed(1)}/5 claims satisfaction, complaint index ${idx.toFixed(2)}`;
    }
  }
}

export function carrierReasoning(x: CarrierCtx, c: Carrier, levels: ArrayLike<number>): string {
  const w = x.rules.weights;
  // Strongest and weakest among the five non-appetite dimensions; ties go to the heavier weight.
  let best = 1;
  for (let d = 2; d < 6; d++) {
    if (levels[d] < levels[best] || (levels[d] === levels[best] && w[DIMENSIONS[d]] > w[DIMENSIONS[best]])) best = d;
  }
  let worst = -1;
  for (let d = 1; d < 6; d++) {
    if (d === best) continue;
    if (worst < 0 || levels[d] > levels[worst] || (levels[d] === levels[worst] && w[DIMENSIONS[d]] > w[DIMENSIONS[worst]])) worst = d;
  }
  // join() returns one flat string; template literals would keep a rope of a dozen fragments
  // alive per ranked candidate, which the garbage collector then has to trace and copy.
  const tail =
    levels[worst] === 1
      ? [" and ", phrase(worst, x, c), ", nothing below L1."]
      : ["; ", phrase(worst, x, c), levels[worst] === 4 ? " is a serious gap." : " is the weakest point."];
  return [lead(x, c, levels[0]), "; ", phrase(best, x, c), ...tail].join("");
}
