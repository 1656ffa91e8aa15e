import type { PlanEntryView, PlanView } from "@/lib/plan/schemas";
import type { MarketingSummaryView, SummaryMarket, SummaryQuote, SummaryRecommendation } from "@/lib/plan/summary-schemas";

// The marketing summary, pure: from the plan, the evaluation's ranked candidates and the pool's
// financial-strength fields, what a broker shows the client. lib/plan/summary-load.ts gathers the
// inputs; the printable pages and GET …/plan/summary render this.

export interface RankedFacts {
  tier: SummaryQuote["tier"];
  confidence: SummaryQuote["confidence"];
  reasoning: string | null;
  /** 1 = first in the ranking */
  rank: number;
}

export type Strength = Pick<SummaryQuote, "am_best_rating" | "am_best_outlook" | "financial_size">;

export interface SummaryInput {
  plan: PlanView;
  profile: Record<string, unknown>;
  evaluatedAt: string | null;
  ranked: ReadonlyMap<string, RankedFacts>;
  strength: ReadonlyMap<string, Strength>;
}

/** The profile fields a client recognises, in the order the summary lists them. */
export const PROFILE_FIELDS = [
  "entity",
  "state",
  "zip",
  "line",
  "naics",
  "revenue",
  "payroll",
  "tiv",
  "power_units",
  "underlying_limit",
  "employees",
  "years_in_business",
  "prior_claims",
  "requested_limit",
  "deductible",
  "effective_date",
] as const;

const TIER_ORDER: Record<string, number> = { STRONG_FIT: 0, MODERATE_FIT: 1, WEAK_FIT: 2 };
const NO_STRENGTH: Strength = { am_best_rating: null, am_best_outlook: null, financial_size: null };

function briefProfile(profile: Record<string, unknown>) {
  const out: Record<string, string | number> = {};
  for (const f of PROFILE_FIELDS) {
    const v = profile[f];
    if (typeof v === "string" || typeof v === "number") out[f] = v;
  }
  return out;
}

const statusEvents = (e: PlanEntryView) => e.events.filter((ev) => ev.kind === "status");

function market(e: PlanEntryView, ranked: SummaryInput["ranked"]): SummaryMarket | null {
  const submitted = e.events.find((ev) => ev.to === "submitted");
  if (!submitted) return null;
  const last = statusEvents(e).at(-1)!;
  const decl = e.status === "declined" ? (last.declination ?? null) : null;
  const r = ranked.get(e.carrier_id);
  return {
    carrier_id: e.carrier_id,
    carrier_name: e.carrier_name,
    market: e.market,
    status: e.status,
    submitted_at: submitted.at,
    outcome_at: last.to === "submitted" ? null : last.at,
    decline_reason: decl?.reason ?? null,
    decline_text: decl?.text ?? null,
    tier: r?.tier ?? null,
    confidence: r?.confidence ?? null,
  };
}

function quote(e: PlanEntryView, input: SummaryInput): SummaryQuote | null {
  if (e.status !== "quoted" && e.status !== "bound") return null;
  const q = [...e.events].reverse().find((ev) => ev.quote);
  if (!q?.quote) return null;
  const r = input.ranked.get(e.carrier_id);
  return {
    carrier_id: e.carrier_id,
    carrier_name: e.carrier_name,
    market: e.market,
    status: e.status,
    premium: q.quote.premium,
    limit: q.quote.limit,
    retention: q.quote.retention,
    expiry: q.quote.expiry,
    quoted_at: q.at,
    ...(input.strength.get(e.carrier_id) ?? NO_STRENGTH),
    tier: r?.tier ?? null,
    confidence: r?.confidence ?? null,
    recommended: e.recommended,
  };
}

/**
 * The recommended market: the quote the broker marked; else the bound one; else the quoted market
 * of the best fit tier, then the higher place in the ranking. Null without a quote.
 */
export function recommend(quotes: readonly SummaryQuote[], ranked: SummaryInput["ranked"]): SummaryRecommendation | null {
  const rankOf = (q: SummaryQuote) => ranked.get(q.carrier_id)?.rank ?? Number.MAX_SAFE_INTEGER;
  const tierOf = (q: SummaryQuote) => (q.tier ? TIER_ORDER[q.tier] : 3);
  const byFit = [...quotes].sort((a, b) => tierOf(a) - tierOf(b) || rankOf(a) - rankOf(b) || a.carrier_id.localeCompare(b.carrier_id));
  const marked = byFit.find((q) => q.recommended);
  const bound = byFit.find((q) => q.status === "bound");
  const pick = marked ?? bound ?? byFit[0];
  if (!pick) return null;
  const r = ranked.get(pick.carrier_id);
  return {
    carrier_id: pick.carrier_id,
    carrier_name: pick.carrier_name,
    source: marked ? "broker" : bound ? "bound" : "best_tier",
    tier: pick.tier,
    confidence: pick.confidence,
    rank: r?.rank ?? null,
    reasoning: r?.reasoning ?? null,
  };
}

export function marketingSummary(input: SummaryInput): MarketingSummaryView {
  const markets = input.plan.entries.map((e) => market(e, input.ranked)).filter((m): m is SummaryMarket => m !== null);
  const quotes = input.plan.entries
    .map((e) => quote(e, input))
    .filter((q): q is SummaryQuote => q !== null)
    .sort((a, b) => a.premium - b.premium || a.carrier_id.localeCompare(b.carrier_id));
  return {
    eval_id: input.plan.eval_id,
    profile: briefProfile(input.profile),
    evaluated_at: input.evaluatedAt,
    markets,
    quotes,
    recommendation: recommend(quotes, input.ranked),
    diligent_search: input.plan.diligent_search,
  };
}
