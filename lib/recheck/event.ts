import { settings } from "@/lib/settings";

// The body of the "evaluation.changed" webhook event: a re-check found a material change in an
// evaluation (a candidate entered or left eligibility, or entered or left the top tier). Sent to
// the original evaluation's webhook_url, signed like every delivery (Standard Webhooks); receivers
// deduplicate on webhook-id. The compare links show the whole difference.

export interface RecheckChangedEvent {
  type: "evaluation.changed";
  /** the new evaluation (the re-check) */
  eval_id: string;
  /** the evaluation that was re-checked; it never changes */
  original_eval_id: string;
  /** what the new result was compared with: the original, or its previous re-check */
  previous_eval_id: string;
  trigger: string;
  pool_version: number | null;
  rules_version: number | null;
  compare_url: string;
  api_compare_url: string;
  summary: {
    sentences: string[];
    entered: number;
    left: number;
    entered_top_tier: number;
    left_top_tier: number;
    material: { id: string; name: string; kinds: string[] }[];
  };
}

export function recheckChangedEvent(input: {
  item: {
    originalJobId: string;
    baselineJobId: string;
    jobId: string | null;
    recheck: { trigger: string; poolVersion: number | null; rulesVersion: number | null };
  };
  cmp: { url: string };
  summary: RecheckChangedEvent["summary"];
}): RecheckChangedEvent {
  const { item } = input;
  return {
    type: "evaluation.changed",
    eval_id: item.jobId!,
    original_eval_id: item.originalJobId,
    previous_eval_id: item.baselineJobId,
    trigger: item.recheck.trigger,
    pool_version: item.recheck.poolVersion,
    rules_version: item.recheck.rulesVersion,
    compare_url: input.cmp.url,
    api_compare_url: `${settings().baseUrl}/api/v1/jobs/${item.baselineJobId}/compare/${item.jobId}`,
    summary: input.summary,
  };
}
