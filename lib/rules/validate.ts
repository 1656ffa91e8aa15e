import { DIMENSIONS, getDomain, RuleOverrideError, type Rules } from "@/lib/engine";
import { mergeRules, stableStringify } from "@/lib/engine/rules";
import { AM_BEST_RATINGS, FINANCIAL_SIZES } from "@/lib/engine/domains/carriers/schema";
import type { ErrorDetail } from "@/lib/errors";

// An organization's overrides must merge onto the domain's defaults (known names, right types,
// lib/engine/rules.ts mergeRules) AND make sense once merged. mergeRules checks shape only; the
// checks below are the ones the engine's arithmetic silently depends on (lib/engine/tiering.ts and
// the domains' scorers), each with the reason it exists:
//
// - weights: every one a number ≥ 0, not all 0. compositeScore divides by their sum (all 0 would
//   score every candidate 0) and a negative weight would reward a worse level.
// - level_points: exactly four numbers (L1…L4) in 0–100, never increasing: a worse level must not
//   earn more points, and the score is documented as 0–100.
// - tier: strong_min_score and moderate_min_score in 0–100, moderate ≤ strong (tierIndex tests
//   strong first, so a higher moderate cut-off would make MODERATE_FIT need more than STRONG_FIT);
//   the *_level limits are whole levels 1–4, and strong_max_appetite_level ≤
//   moderate_max_appetite_level (the strong tier is the stricter one).
// - confidence: day limits whole numbers ≥ 0 with medium_after_days ≤ low_after_days
//   (confidenceIndex reads "older than medium → MEDIUM, older than low → LOW"); missing-field
//   counts whole numbers ≥ 1 (0 would mark every candidate) with medium ≤ low.
// - anywhere in the rules: a field named `level` or ending in `_level` is a whole level 1–4, one
//   ending in `_penalty` or `_bonus` a whole number of levels 0–3 (scorers clamp to L1–L4).
// - carriers: filters.min_am_best is an AM Best rating, filters.min_financial_size a size
//   category (I–XV) or null. mergeRules cannot check these: a string is a string.
// - carriers placement.observed_quote_rate (engine 2.1): min_submissions a whole number 1–1000 (0
//   would let a single submission decide), weight 0–1 (a share of the observed rate in the
//   blend), lookback_days a whole number 1–3660 (the loader reads that many days of plan events).

export type RulesCheck = { ok: true; rules: Rules; overrides: Record<string, unknown> } | { ok: false; details: ErrorDetail[] };

const ROOT = "overrides";

export function checkOverrides(domainId: string, overrides: unknown): RulesCheck {
  const pack = getDomain(domainId);
  if (!pack) throw new Error(`Unknown domain ${domainId}`);
  let rules: Rules;
  try {
    rules = mergeRules(pack.defaultRules as Rules, overrides, ROOT);
  } catch (err) {
    if (err instanceof RuleOverrideError) return { ok: false, details: [{ path: err.path, code: "invalid_rule", message: err.message }] };
    throw err;
  }
  const details: ErrorDetail[] = [];
  const fail = (path: string, message: string) => details.push({ path: `${ROOT}.${path}`, code: "invalid_rule", message: `${ROOT}.${path} ${message}` });
  const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
  const int = (v: unknown, min: number, max: number) => num(v) && Number.isInteger(v) && v >= min && v <= max;

  for (const d of DIMENSIONS) {
    if (!num(rules.weights[d]) || rules.weights[d] < 0) fail(`weights.${d}`, "must be a number ≥ 0");
  }
  if (DIMENSIONS.every((d) => rules.weights[d] === 0)) fail("weights", "must not all be 0");

  const pts = rules.level_points as unknown[];
  if (pts.length !== 4) fail("level_points", "must list exactly 4 numbers (L1, L2, L3, L4)");
  else {
    pts.forEach((p, i) => {
      if (!num(p) || p < 0 || p > 100) fail(`level_points.${i}`, "must be a number from 0 to 100");
    });
    for (let i = 1; i < 4; i++) {
      const [better, worse] = [pts[i - 1], pts[i]];
      if (num(better) && num(worse) && worse > better) fail(`level_points.${i}`, `must not be more than L${i}'s points`);
    }
  }

  const t = rules.tier;
  for (const k of ["strong_min_score", "moderate_min_score"] as const)
    if (!num(t[k]) || t[k] < 0 || t[k] > 100) fail(`tier.${k}`, "must be a number from 0 to 100");
  if (num(t.strong_min_score) && num(t.moderate_min_score) && t.moderate_min_score > t.strong_min_score) {
    fail("tier.moderate_min_score", `must not be above tier.strong_min_score (${t.strong_min_score})`);
  }
  for (const k of ["strong_max_appetite_level", "strong_max_any_level", "moderate_max_appetite_level"] as const) {
    if (!int(t[k], 1, 4)) fail(`tier.${k}`, "must be a whole level from 1 to 4");
  }
  if (int(t.strong_max_appetite_level, 1, 4) && int(t.moderate_max_appetite_level, 1, 4) && t.strong_max_appetite_level > t.moderate_max_appetite_level) {
    fail("tier.strong_max_appetite_level", `must not be worse than tier.moderate_max_appetite_level (L${t.moderate_max_appetite_level})`);
  }

  const c = rules.confidence;
  for (const k of ["medium_after_days", "low_after_days"] as const)
    if (!int(c[k], 0, 36_500)) fail(`confidence.${k}`, "must be a whole number of days from 0 to 36500");
  for (const k of ["medium_missing_fields", "low_missing_fields"] as const)
    if (!int(c[k], 1, 100)) fail(`confidence.${k}`, "must be a whole number from 1 to 100");
  if (num(c.medium_after_days) && num(c.low_after_days) && c.medium_after_days > c.low_after_days) {
    fail("confidence.medium_after_days", `must not be above confidence.low_after_days (${c.low_after_days})`);
  }
  if (num(c.medium_missing_fields) && num(c.low_missing_fields) && c.medium_missing_fields > c.low_missing_fields) {
    fail("confidence.medium_missing_fields", `must not be above confidence.low_missing_fields (${c.low_missing_fields})`);
  }

  walkLevels(rules, "", fail);

  if (domainId === "carriers") {
    const f = (rules as { filters: { min_am_best: unknown; min_financial_size: unknown } }).filters;
    if (!(AM_BEST_RATINGS as readonly unknown[]).includes(f.min_am_best)) fail("filters.min_am_best", `must be one of ${AM_BEST_RATINGS.join(", ")}`);
    if (f.min_financial_size !== null && !(FINANCIAL_SIZES as readonly unknown[]).includes(f.min_financial_size)) {
      fail("filters.min_financial_size", "must be a size category I–XV or null");
    }
    const o = (rules as { placement: { observed_quote_rate: Record<string, unknown> } }).placement.observed_quote_rate;
    const at = "placement.observed_quote_rate";
    if (!int(o.min_submissions, 1, 1000)) fail(`${at}.min_submissions`, "must be a whole number from 1 to 1000");
    if (!num(o.weight) || o.weight < 0 || o.weight > 1) fail(`${at}.weight`, "must be a number from 0 to 1");
    if (!int(o.lookback_days, 1, 3660)) fail(`${at}.lookback_days`, "must be a whole number of days from 1 to 3660");
  }

  if (details.length) return { ok: false, details: dedupe(details) };
  return { ok: true, rules, overrides: (diffRules(pack.defaultRules, rules) ?? {}) as Record<string, unknown> };
}

function walkLevels(v: unknown, path: string, fail: (path: string, message: string) => void) {
  if (Array.isArray(v)) return v.forEach((x, i) => walkLevels(x, `${path}.${i}`, fail));
  if (typeof v !== "object" || v === null) return;
  for (const [k, x] of Object.entries(v)) {
    const p = path ? `${path}.${k}` : k;
    if (p.startsWith("tier.") || p.startsWith("confidence.")) continue;
    if ((k === "level" || k.endsWith("_level")) && typeof x !== "object") {
      if (!(typeof x === "number" && Number.isInteger(x) && x >= 1 && x <= 4)) fail(p, "must be a whole level from 1 to 4");
    } else if (k.endsWith("_penalty") || k.endsWith("_bonus")) {
      if (!(typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= 3)) fail(p, "must be a whole number of levels from 0 to 3");
    } else walkLevels(x, p, fail);
  }
}

const dedupe = (ds: ErrorDetail[]) => ds.filter((d, i) => ds.findIndex((e) => e.path === d.path) === i);

/**
 * What `rules` changes relative to `defaults`: objects compared key by key, lists and values as a
 * whole (mergeRules replaces lists). Stored as the overrides, so a save that restates a default
 * stores nothing for it, and two saves with the same effect compare equal.
 */
export function diffRules(defaults: unknown, rules: unknown): unknown {
  if (isObject(defaults) && isObject(rules)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(rules)) {
      const d = diffRules(defaults[k], rules[k]);
      if (d !== undefined) out[k] = d;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return stableStringify(defaults) === stableStringify(rules) ? undefined : rules;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
