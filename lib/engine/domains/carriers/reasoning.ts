/**
 * The reasoning for an eligible carrier: one sentence naming the appetite (and, when appetite is
 * weak, what makes it weak), the market path, the strongest point (only an L1/L2 fact) and the
 * real driver of the weakest level (only an L3/L4 one is called a weakness); then, only when they
 * lowered confidence, the data age and the checks the profile left unmade.
 */
import { money, percent, relative } from "../../format";
import type { Carrier } from "./schema";
import { type CarrierCtx, classFacts, facts, keyFeatureCount, lineOf, premiumFacts } from "./context";
import { LINE_SHORT } from "./lines";
import { classDelta, edgeOf, effectiveRate } from "./scorers";
import { bandOf } from "./context";
import { bandText } from "./exposure";
import { carrierAgeDays, carrierProfileGaps } from "./quality";
import { DIMENSIONS } from "../../types";

const APPETITE_WORD = ["", "Strong", "Solid", "Limited", "Marginal"];

function lead(x: CarrierCtx, c: Carrier, level: number): string {
  const l = lineOf(x, c);
  const f = classFacts(x, c);
  const cls = x.naics !== null && f.classAppetite === "target" ? ` for NAICS ${x.naics}` : "";
  const [lo, hi] = bandOf(x, l);
  const edge = edgeOf(x, l);
  const where =
    lo == null && hi == null ? `with no ${x.unit.label} band` : `${["in", "at the floor of", "at the top of"][edge]} its ${bandText(x, lo, hi)} band`;
  let why = "";
  if (level >= 3) {
    // Name what made appetite weak: the guide's strength (in this state), an unknown class, the band edge.
    const causes: string[] = [];
    if (x.rules.appetite.base_level[f.appetite] >= 3) causes.push(`"${f.appetite}" appetite${l.state_appetite?.[x.state] ? ` in ${x.state}` : ""}`);
    if (classDelta(x, f) > 0) causes.push(`NAICS ${x.naics} unknown to its class guide`);
    if (edge !== 0) causes.push(`${x.unit.label} at its band ${edge === 1 ? "floor" : "ceiling"}`);
    if (causes.length) why = ` (${causes.join(", ")})`;
  }
  return `${APPETITE_WORD[level]} ${x.state} ${LINE_SHORT[x.line]} appetite${cls} ${where}${why}`;
}

/** A short noun phrase for dimension index d (1–5, DIMENSIONS order) that names what set its level. */
function phrase(d: number, x: CarrierCtx, c: Carrier): string {
  const l = lineOf(x, c);
  switch (DIMENSIONS[d]) {
    case "coverage": {
      const n = keyFeatureCount(x, l.features);
      const lim = l.max_limit == null ? "unpublished max limit" : `${money(l.max_limit)} max limit`;
      return `${lim} for ${x.limitRequested ? "a" : "an assumed"} ${money(x.requestedLimit)} limit with ${n} of ${x.keyFeatures.length} key features`;
    }
    case "financial":
      return `${c.am_best_rating ?? "NR"}${c.financial_size ? ` (${c.financial_size})` : ""} financials${c.am_best_outlook === "negative" ? " on negative outlook" : ""}`;
    case "pricing": {
      const r = effectiveRate(x, c);
      if (r === null) return "no published rate, so no premium indication";
      const f = premiumFacts(x, c);
      return `a ${money(f.premiumTotal)} indication ${relative(r, "market")}${f.market === 1 ? ` incl. ${x.state} SL tax and fee` : ""}`;
    }
    case "placement": {
      const p = c.placement;
      const days = p?.quote_turnaround_days;
      const hit = p?.hit_ratio;
      const auth = p?.binding_authority ? " with binding authority" : "";
      const sl = facts(x, c).market === 1 ? `, and surplus lines needs ${x.sl.declinations_required} admitted declinations first` : "";
      if (days == null && hit == null) return `no published quote figures${auth}${sl}`;
      if (days == null) return `${percent(hit!)} hit ratio (turnaround unknown)${auth}${sl}`;
      if (hit == null) return `${days}-day quotes (hit ratio unknown)${auth}${sl}`;
      return `${days}-day quotes at a ${percent(hit)} hit ratio${auth}${sl}`;
    }
    default: {
      const sat = c.service?.claims_satisfaction;
      const idx = c.service?.naic_complaint_index;
      if (sat == null && idx == null) return "no service data";
      if (sat == null) return `NAIC complaint index ${idx!.toFixed(2)} (no claims-satisfaction score)`;
      if (idx == null) return `${sat.toFixed(1)}/5 claims satisfaction (no complaint index)`;
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
  const parts: string[] = [lead(x, c, levels[0])];
  if (facts(x, c).market === 1) parts.push(`; surplus lines in ${x.state} (${x.sl.declinations_required} admitted declinations first)`);
  // Only an L1/L2 fact is a strength, only an L3/L4 one a weakness.
  if (levels[best] <= 2) parts.push("; ", phrase(best, x, c));
  if (levels[worst] >= 3) {
    parts.push(
      levels[best] <= 2 ? ", but " : "; ",
      phrase(worst, x, c),
      levels[worst] === 4 ? ` is a serious gap (${DIMENSIONS[worst]} L4)` : ` is the weakest point (${DIMENSIONS[worst]} L3)`,
      ".",
    );
  } else {
    parts.push(levels[worst] === 1 && levels[best] === 1 ? ", nothing below L1." : ", nothing below L2.");
  }
  // What lowered confidence, in the same words the trace uses.
  const conf = x.rules.confidence;
  const age = carrierAgeDays(x, c);
  if (Number.isNaN(age)) parts.push(" Appetite data has no verification date.");
  else if (age > conf.medium_after_days)
    parts.push(` Appetite data verified ${age} days before ${x.ageDay > x.asOfDay ? "the effective date" : "this evaluation"}.`);
  const gapNames: string[] = [];
  const gaps = carrierProfileGaps(x, c, gapNames);
  if (gaps >= conf.medium_profile_gaps) parts.push(" ", capitalize(gapNames.join("; ")), ".");
  // join() returns one flat string; template literals would keep a rope of fragments alive per ranked candidate.
  return parts.join("");
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
