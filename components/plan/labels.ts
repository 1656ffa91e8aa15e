import type { DeclineReason, PlanStatus } from "@/lib/plan/machine";

// Words for the plan's statuses and declination reasons (the Plan tab and the printable record).

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
  other: "Other",
};
