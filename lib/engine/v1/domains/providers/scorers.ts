/** The six provider dimension scorers; one function per dimension serves evaluate() and explain(). */
import type { DimensionScorer, EvidenceSink } from "../../types";
import { LANGUAGE_NAMES, PLAN_LABELS, type Provider } from "./schema";
import { type ProviderCtx, clampLevel, networkOf, zip3 } from "./context";

type S = DimensionScorer<ProviderCtx, Provider>;

function fill(ev: EvidenceSink, rule: string, evidence: string, values: Record<string, unknown>): void {
  ev.rule = rule;
  ev.evidence = evidence;
  ev.values = values;
}

export function speaksLanguage(x: ProviderCtx, c: Provider): boolean {
  const lang = x.profile.language;
  return lang === undefined || (c.languages !== undefined && c.languages.includes(lang));
}

export const appetite: S = (x, c, ev) => {
  const r = x.rules.appetite;
  const unknownAccepting = c.accepting_new_patients == null;
  const speaks = speaksLanguage(x, c);
  const referral = c.referral_required === true;
  const level = clampLevel(
    1 + (unknownAccepting ? r.unknown_accepting_penalty : 0) + (speaks ? 0 : r.language_mismatch_penalty) + (referral ? r.referral_required_penalty : 0),
  );
  if (ev) {
    const issues: string[] = [];
    if (unknownAccepting) issues.push("new-patient status unknown");
    if (!speaks) issues.push(`no ${LANGUAGE_NAMES[x.profile.language!]} spoken`);
    if (referral) issues.push("referral required");
    fill(
      ev,
      `appetite.specialty match${issues.length ? ` & ${issues.join(" & ")}` : " & accepting & no barriers"} → L${level}`,
      `Specialty matches and the provider ${c.accepting_new_patients ? "is accepting new patients" : "does not say whether it accepts new patients"}${
        x.profile.language ? `; ${speaks ? "speaks" : "does not list"} ${LANGUAGE_NAMES[x.profile.language]}` : ""
      }${referral ? "; a referral is required" : ""}.`,
      {
        accepting_new_patients: c.accepting_new_patients ?? null,
        language: x.profile.language ?? null,
        languages: c.languages ?? [],
        referral_required: referral,
      },
    );
  }
  return level;
};

export const coverage: S = (x, c, ev) => {
  const r = x.rules.coverage;
  const n = networkOf(x, c)!;
  const level = clampLevel(r.tier_level[n.tier - 1] + (n.prior_auth ? r.prior_auth_penalty : 0));
  if (ev) {
    fill(
      ev,
      `coverage.network tier ${n.tier}${n.prior_auth ? " & prior authorization" : ""} → L${level}`,
      `In the ${PLAN_LABELS[x.profile.plan]} network at tier ${n.tier}${n.prior_auth ? ", with prior authorization required" : ""}.`,
      { plan: n.plan, tier: n.tier, prior_auth: n.prior_auth ?? false },
    );
  }
  return level;
};

export const financial: S = (x, c, ev) => {
  const r = x.rules.financial;
  const t = c.cost_tier ?? null;
  const level = t === null ? r.unknown_level : clampLevel(r.cost_tier_level[t - 1] + (c.facility_fee ? r.facility_fee_penalty : 0));
  if (ev) {
    fill(
      ev,
      t === null ? "financial.cost tier unknown" : `financial.cost tier ${t}${c.facility_fee ? " & facility fee" : ""} → L${level}`,
      t === null ? "The directory gives no cost tier." : `Member cost tier ${t} of 3${c.facility_fee ? ", plus a facility fee" : ""}.`,
      { cost_tier: t, facility_fee: c.facility_fee ?? false },
    );
  }
  return level;
};

export const pricing: S = (x, c, ev) => {
  const r = x.rules.pricing;
  const idx = c.rate_index ?? null;
  let level = r.unknown_level;
  if (idx !== null) {
    level = 4;
    for (const row of r.levels) {
      if (idx <= row.max_rate_index) {
        level = row.level;
        break;
      }
    }
  }
  if (ev) {
    fill(
      ev,
      idx === null ? "pricing.rate index unknown" : `pricing.rate index ${idx} → L${level}`,
      idx === null ? "No negotiated rate on file." : `Negotiated rate is ${idx}% of the regional median for the specialty.`,
      { rate_index: idx },
    );
  }
  return level;
};

export function availabilityLevel(x: ProviderCtx, c: Provider): number {
  const r = x.rules.placement;
  const days = c.next_available_days;
  if (days == null) return r.unknown_availability_level;
  for (const row of r.availability_levels) if (days <= x.targetDays * row.max_target_multiple) return row.level;
  return 4;
}

export function distanceLevel(x: ProviderCtx, c: Provider): number {
  const gap = Math.abs(zip3(c.zip) - x.zip3);
  for (const row of x.rules.placement.distance_levels) if (gap <= row.max_zip3_gap) return row.level;
  return 4;
}

export const placement: S = (x, c, ev) => {
  const a = availabilityLevel(x, c);
  const d = distanceLevel(x, c);
  const level = a > d ? a : d;
  if (ev) {
    const days = c.next_available_days ?? null;
    const gap = Math.abs(zip3(c.zip) - x.zip3);
    fill(
      ev,
      `placement.worse of availability L${a} and distance L${d} → L${level}`,
      `${days === null ? "No published next opening" : `Next opening in ${days} days`} against a ${x.targetDays}-day target for a ${x.profile.urgency} referral; office ZIP ${c.zip} is ${
        gap === 0 ? "in the member's ZIP area" : `${gap} ZIP area${gap > 1 ? "s" : ""} from ${x.profile.zip}`
      }.`,
      { next_available_days: days, target_days: x.targetDays, urgency: x.profile.urgency, zip: c.zip, member_zip: x.profile.zip, zip3_gap: gap },
    );
  }
  return level;
};

export const service: S = (x, c, ev) => {
  const r = x.rules.service;
  const stars = c.quality_stars ?? null;
  const exp = c.patient_experience ?? null;
  let level: number;
  if (stars === null && exp === null) {
    level = r.no_data_level;
  } else {
    level = 4;
    for (const row of r.levels) {
      if ((stars === null || stars >= row.min_stars) && (exp === null || exp >= row.min_experience)) {
        level = row.level;
        break;
      }
    }
    if (stars === null || exp === null) level = Math.max(level, r.partial_data_best_level);
  }
  if (c.board_certified === false) level = clampLevel(level + r.not_board_certified_penalty);
  if (ev) {
    fill(
      ev,
      `service.stars ${stars ?? "?"} & experience ${exp ?? "?"}${c.board_certified === false ? " & not board certified" : ""} → L${level}`,
      `${stars === null ? "No quality rating" : `${stars.toFixed(1)}★ quality`}, ${exp === null ? "no patient-experience score" : `patient experience ${exp}/100`}, ${
        c.board_certified ? "board certified" : c.board_certified === false ? "not board certified" : "board certification unknown"
      }.`,
      { quality_stars: stars, patient_experience: exp, board_certified: c.board_certified ?? null },
    );
  }
  return level;
};

/** In DIMENSIONS order. */
export const PROVIDER_SCORERS: readonly S[] = [appetite, coverage, financial, pricing, placement, service];
