import { SURPLUS_LINES_BY_STATE, surplusLinesRequirement } from "@/lib/engine/domains/carriers/surplus-lines";
import type { State } from "@/lib/engine/geo";
import { DiligentSearchNotMetError, invalid } from "@/lib/errors";
import { diligentSearch, type DiligentSearch, type PlanStatus, type SlExemption } from "@/lib/plan/machine";

// Surplus lines in the market plan, pure: the home state's diligent-search requirement, the plan's
// tally against it, and the rule that a surplus-lines carrier is bound only once the search is met
// or under an exemption (exempt commercial purchaser, export list) that the bind event records.

/**
 * Admitted declinations the home state requires before a surplus-lines placement, from the
 * engine's state table (the default rules). The plan prefers the figure the result recorded on its
 * surplus-lines candidates (the organization's rules in force); this is the fallback. Null for an
 * unknown state.
 */
export function requiredDeclinations(state: string): number | null {
  return Object.hasOwn(SURPLUS_LINES_BY_STATE, state) ? surplusLinesRequirement(state as State).declinations_required : null;
}

export const homeState = (profile: unknown) => {
  const s = (profile as { state?: unknown } | null)?.state;
  return typeof s === "string" ? s : null;
};

export interface PlanTallyRow {
  market: string | null;
  status: PlanStatus;
  slDeclinationsRequired: number | null;
}

/**
 * The diligent-search tally of a plan, or null when it has no surplus-lines carrier or the
 * requirement is unknown (no home state, a state outside the table and no figure in the result).
 */
export function planDiligentSearch(rows: readonly PlanTallyRow[], profile: unknown): (DiligentSearch & { state: string }) | null {
  const state = homeState(profile);
  if (!state || !rows.some((r) => r.market === "surplus_lines")) return null;
  // The requirement the result recorded on its surplus-lines candidates (the organization's rules
  // when it was evaluated); the state table's figure when a result did not record one.
  const recorded = rows.map((r) => r.slDeclinationsRequired).filter((n): n is number => n !== null);
  const required = recorded.length ? Math.max(...recorded) : requiredDeclinations(state);
  return required === null ? null : { state, ...diligentSearch(rows, required) };
}

/**
 * The surplus-lines rule for one status change. `sl_exemption` on anything but binding a
 * surplus-lines carrier is a 400; binding one while the search is not met, without an exemption,
 * is a 409 naming the state and the counts. Admitted carriers and a requirement of 0 pass.
 */
export function checkSurplusLinesBind(
  entry: { market: string | null; carrierName: string },
  to: PlanStatus,
  exemption: SlExemption | undefined,
  search: (DiligentSearch & { state: string }) | null,
) {
  if (exemption && to !== "bound") {
    throw invalid("sl_exemption is only for binding a surplus-lines carrier (status bound)", [
      { path: "sl_exemption", code: "not_a_bind", message: `sl_exemption is not allowed with status ${to}` },
    ]);
  }
  if (exemption && entry.market !== "surplus_lines") {
    const message = `sl_exemption is only for binding a surplus-lines carrier; ${entry.carrierName} is not a surplus-lines carrier in this plan`;
    throw invalid(message, [{ path: "sl_exemption", code: "not_surplus_lines", message }]);
  }
  if (to === "bound" && entry.market === "surplus_lines" && !exemption && search && !search.cleared) {
    throw new DiligentSearchNotMetError(search.state, search.required, search.recorded);
  }
}
