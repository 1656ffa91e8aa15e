import type { DeclineReason, PlanStatus, SlExemption } from "@/lib/plan/machine";

// Words for the plan's statuses, declination reasons and surplus-lines exemptions (the Plan tab and
// the printable pages).

export const STATUS_LABEL: Record<PlanStatus, string> = {
  planned: "Planned",
  submitted: "Submitted",
  quoted: "Quoted",
  declined: "Declined",
  no_response: "No response",
  bound: "Bound",
  withdrawn: "Withdrawn",
};
export const REASON_LABEL: Record<DeclineReason, string> = {
  class: "Class",
  size: "Size",
  loss_history: "Loss history",
  capacity: "Capacity",
  pricing: "Pricing",
  state: "State",
  underwriting_guidelines: "Underwriting guidelines",
  incomplete_submission: "Incomplete submission",
  other: "Other",
};
export const SL_EXEMPTION_LABEL: Record<SlExemption, string> = {
  exempt_commercial_purchaser: "Exempt commercial purchaser",
  export_list: "Export list",
};
/** The choice on the Plan tab's blocked Bind (a narrow column: the label and its basis). */
export const SL_EXEMPTION_CHOICE: Record<SlExemption, string> = {
  exempt_commercial_purchaser: "Exempt commercial purchaser (NRRA)",
  export_list: "Export list (hard-to-place risk)",
};
/** What each exemption means, on the printable record and summary. */
export const SL_EXEMPTION_HINT: Record<SlExemption, string> = {
  exempt_commercial_purchaser: "the insured qualifies as an exempt commercial purchaser under the NRRA",
  export_list: "the risk is on the home state's export list of hard-to-place risks",
};
