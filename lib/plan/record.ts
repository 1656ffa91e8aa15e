import type { PlanStatus, DeclineReason, SlExemption } from "@/lib/plan/machine";
import type { PlanView } from "@/lib/plan/schemas";

// The diligent-search record, pure: from the plan, the admitted carriers actually approached (a
// submission recorded), when, and what they answered; and the surplus-lines carriers, with the
// exemption a bind relied on instead of the search. The printable page renders this.

export interface ApproachedCarrier {
  carrier_id: string;
  carrier_name: string;
  status: PlanStatus;
  submitted_at: string | null;
  /** When the latest answer (quote, declination, no response, …) was recorded. */
  outcome_at: string | null;
  reason: DeclineReason | null;
  reason_text: string | null;
  actor: string;
}

export interface SurplusLinesCarrier {
  carrier_id: string;
  carrier_name: string;
  status: PlanStatus;
  /** Bound under an exemption (exempt commercial purchaser, export list) instead of the search. */
  exemption: SlExemption | null;
  /** When it was bound, and by whom; null until bound. */
  bound_at: string | null;
  bound_by: string | null;
}

export function diligentSearchRecord(plan: PlanView) {
  const admitted: ApproachedCarrier[] = [];
  for (const e of plan.entries) {
    if (e.market !== "admitted") continue;
    const submitted = e.events.find((ev) => ev.to === "submitted");
    if (!submitted) continue;
    const last = e.events.filter((ev) => ev.kind === "status").at(-1)!;
    const decl = [...e.events].reverse().find((ev) => ev.declination)?.declination ?? null;
    admitted.push({
      carrier_id: e.carrier_id,
      carrier_name: e.carrier_name,
      status: e.status,
      submitted_at: submitted.at,
      outcome_at: last.to === "submitted" ? null : last.at,
      reason: decl?.reason ?? null,
      reason_text: decl?.text ?? null,
      actor: last.actor.replace(/^(user|key):/, ""),
    });
  }
  const surplusLines: SurplusLinesCarrier[] = plan.entries
    .filter((e) => e.market === "surplus_lines")
    .map((e) => {
      const bind = e.events.find((ev) => ev.to === "bound" && ev.kind === "status");
      return {
        carrier_id: e.carrier_id,
        carrier_name: e.carrier_name,
        status: e.status,
        exemption: bind?.sl_exemption ?? null,
        bound_at: bind?.at ?? null,
        bound_by: bind ? bind.actor.replace(/^(user|key):/, "") : null,
      };
    });
  return { admitted, surplusLines };
}
