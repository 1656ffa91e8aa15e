/** One-sentence reasoning for an eligible provider: fit for this member, strongest and weakest point. */
import { DIMENSIONS } from "../../types";
import { LANGUAGE_NAMES, PLAN_LABELS, SPECIALTY_LABELS, type Provider } from "./schema";
import { type ProviderCtx, networkOf, zip3 } from "./context";
import { speaksLanguage } from "./scorers";

const FIT_WORD = ["", "Strong", "Good", "Fair", "Weak"];

function lead(x: ProviderCtx, c: Provider, level: number): string {
  const p = x.profile;
  const lang = p.language && speaksLanguage(x, c) ? `, ${LANGUAGE_NAMES[p.language]}-speaking` : "";
  const sub = c.subspecialties?.length ? ` (${c.subspecialties[0]})` : "";
  return `${FIT_WORD[level]} ${SPECIALTY_LABELS[p.specialty].toLowerCase()}${sub} fit for a ${p.urgency} referral${lang}`;
}

function phrase(d: number, x: ProviderCtx, c: Provider): string {
  switch (DIMENSIONS[d]) {
    case "coverage": {
      const n = networkOf(x, c)!;
      return `${PLAN_LABELS[x.profile.plan]} tier ${n.tier}${n.prior_auth ? " with prior auth" : ""}`;
    }
    case "financial":
      return c.cost_tier == null ? "unknown cost tier" : `cost tier ${c.cost_tier}${c.facility_fee ? " plus facility fee" : ""}`;
    case "pricing": {
      const idx = c.rate_index;
      if (idx == null) return "no negotiated rate on file";
      const diff = Math.round(idx - 100);
      return diff === 0 ? "rate at the regional median" : `rate ${Math.abs(diff)}% ${diff > 0 ? "above" : "below"} the regional median`;
    }
    case "placement": {
      const gap = Math.abs(zip3(c.zip) - x.zip3);
      const days = c.next_available_days;
      const when = days == null ? "no published next opening" : days === 0 ? "an opening today" : `next opening in ${days} day${days > 1 ? "s" : ""}`;
      const late = days != null && days > x.targetDays ? ` (${x.targetDays}-day target)` : "";
      return `${when}${late}, ${gap === 0 ? "in the member's ZIP area" : `${gap} ZIP area${gap > 1 ? "s" : ""} away`}`;
    }
    default: {
      const s = c.quality_stars;
      const e = c.patient_experience;
      return `${s == null ? "unrated quality" : `${s.toFixed(1)}★ quality`} and ${e == null ? "no experience score" : `${e}/100 patient experience`}`;
    }
  }
}

export function providerReasoning(x: ProviderCtx, c: Provider, levels: ArrayLike<number>): string {
  const w = x.rules.weights;
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
