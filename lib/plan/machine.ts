// The market plan's status machine, pure (no I/O): which status may follow which, and the
// diligent-search count for surplus-lines candidates (binding one needs it cleared or an exemption). lib/plan/plan.ts enforces it; the Plan tab
// shows the same allowed actions.
//
//   planned → submitted → quoted | declined | no_response;  quoted → bound
//   no_response → quoted | declined   (a late answer)
//   any open status → withdrawn;  declined, bound and withdrawn are final.

export const PLAN_STATUSES = ["planned", "submitted", "quoted", "declined", "no_response", "bound", "withdrawn"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const DECLINE_REASONS = [
  "class",
  "size",
  "loss_history",
  "capacity",
  "pricing",
  "state",
  "underwriting_guidelines",
  "incomplete_submission",
  "other",
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  planned: ["submitted", "withdrawn"],
  submitted: ["quoted", "declined", "no_response", "withdrawn"],
  no_response: ["quoted", "declined", "withdrawn"],
  quoted: ["bound", "withdrawn"],
  declined: [],
  bound: [],
  withdrawn: [],
};

export const allowedNext = (from: PlanStatus): readonly PlanStatus[] => TRANSITIONS[from];
export const canTransition = (from: PlanStatus, to: PlanStatus) => TRANSITIONS[from].includes(to);
export const isFinal = (s: PlanStatus) => TRANSITIONS[s].length === 0;

export type Market = "admitted" | "surplus_lines";

/**
 * Why a surplus-lines carrier may be bound without the diligent search: the insured is an exempt
 * commercial purchaser (NRRA, 15 U.S.C. § 8206), or the risk is on the home state's export list.
 */
export const SL_EXEMPTIONS = ["exempt_commercial_purchaser", "export_list"] as const;
export type SlExemption = (typeof SL_EXEMPTIONS)[number];

export interface DiligentSearch {
  /** Admitted declinations the home state requires before a surplus-lines placement. */
  required: number;
  /** Admitted carriers in this plan whose latest status is `declined`. */
  recorded: number;
  cleared: boolean;
}

/** The diligent-search tally of a plan: admitted declinations recorded against the state's requirement. */
export function diligentSearch(entries: readonly { market: string | null; status: PlanStatus }[], required: number): DiligentSearch {
  const recorded = entries.filter((e) => e.market === "admitted" && e.status === "declined").length;
  return { required, recorded, cleared: recorded >= required };
}
