/** Composite score, tier and confidence: the domain-independent half of the rules. */
import type { BaseRules, ConfidenceRules, TierRules } from "./types";
import { DIMENSIONS } from "./types";

/** Weighted mean of the level points, 0–100, one decimal. */
export function compositeScore(levels: ArrayLike<number>, rules: BaseRules): number {
  const pts = rules.level_points;
  const w = rules.weights;
  let sum = 0;
  let total = 0;
  for (let d = 0; d < 6; d++) {
    const wd = w[DIMENSIONS[d]];
    sum += wd * pts[levels[d] - 1];
    total += wd;
  }
  return total > 0 ? Math.round((sum / total) * 10) / 10 : 0;
}

function worstLevel(levels: ArrayLike<number>): number {
  let m = 1;
  for (let d = 0; d < 6; d++) if (levels[d] > m) m = levels[d];
  return m;
}

/** 0 = STRONG_FIT, 1 = MODERATE_FIT, 2 = WEAK_FIT. */
export function tierIndex(levels: ArrayLike<number>, score: number, t: TierRules): number {
  const appetite = levels[0];
  if (score >= t.strong_min_score && appetite <= t.strong_max_appetite_level && worstLevel(levels) <= t.strong_max_any_level) return 0;
  if (score >= t.moderate_min_score && appetite <= t.moderate_max_appetite_level) return 1;
  return 2;
}

/** Which tier rule fired, in words, naming the condition that kept a candidate out of a better tier. */
export function tierRule(levels: ArrayLike<number>, score: number, t: TierRules): string {
  const appetite = levels[0];
  const worst = worstLevel(levels);
  const tier = tierIndex(levels, score, t);
  if (tier === 0) {
    return `STRONG_FIT: score ${score} ≥ ${t.strong_min_score}, appetite L${appetite} (L${t.strong_max_appetite_level} or better required), no dimension worse than L${t.strong_max_any_level}`;
  }
  const notStrong =
    score < t.strong_min_score
      ? `score ${score} < ${t.strong_min_score}`
      : appetite > t.strong_max_appetite_level
        ? `appetite L${appetite} worse than L${t.strong_max_appetite_level}`
        : `a dimension at L${worst} (L${t.strong_max_any_level} at worst allowed)`;
  if (tier === 1) {
    return `MODERATE_FIT: score ${score} ≥ ${t.moderate_min_score}, appetite L${appetite} (L${t.moderate_max_appetite_level} or better required); not STRONG_FIT: ${notStrong}`;
  }
  const notModerate =
    score < t.moderate_min_score ? `score ${score} < ${t.moderate_min_score}` : `appetite L${appetite} worse than L${t.moderate_max_appetite_level}`;
  return `WEAK_FIT: ${notModerate}`;
}

/** 0 = HIGH, 1 = MEDIUM, 2 = LOW. `ageDays` is NaN when the verification date is unknown. */
export function confidenceIndex(ageDays: number, missing: number, r: ConfidenceRules): number {
  let c = 0;
  if (!(ageDays <= r.low_after_days)) c = 2;
  else if (ageDays > r.medium_after_days) c = 1;
  if (missing >= r.low_missing_fields) c = 2;
  else if (missing >= r.medium_missing_fields && c < 1) c = 1;
  return c;
}

export function confidenceRule(ageDays: number, missing: number, r: ConfidenceRules): string {
  const parts: string[] = [];
  if (Number.isNaN(ageDays)) parts.push("no verification date → LOW");
  else if (ageDays > r.low_after_days) parts.push(`verified ${ageDays} days before as-of, > ${r.low_after_days} → LOW`);
  else if (ageDays > r.medium_after_days) parts.push(`verified ${ageDays} days before as-of, > ${r.medium_after_days} → MEDIUM`);
  else parts.push(`verified ${Math.max(0, ageDays)} days before as-of, ≤ ${r.medium_after_days}`);
  if (missing >= r.low_missing_fields) parts.push(`${missing} fields missing, ≥ ${r.low_missing_fields} → LOW`);
  else if (missing >= r.medium_missing_fields) parts.push(`${missing} field${missing > 1 ? "s" : ""} missing, ≥ ${r.medium_missing_fields} → MEDIUM`);
  else parts.push("no fields missing");
  return parts.join("; ");
}
