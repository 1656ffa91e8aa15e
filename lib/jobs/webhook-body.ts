import type { EvaluationResult } from "@/lib/engine/types";
import { settings } from "@/lib/settings";

// The body a finished job's webhook carries; GET /api/v1/jobs/{eval_id} starts from the same shape.

export const auditUrl = (evalId: string) => `${settings().baseUrl}/traces/${evalId}`;

/** The webhook body for a finished job: the seed's result shape, or status "failed" with its error. */
export function resultBody(job: { id: string; status: string; errorCode: string | null; errorMessage: string | null }, result: EvaluationResult | null) {
  if (job.status === "completed" && result) {
    return {
      eval_id: job.id,
      status: "completed" as const,
      pool_size: result.pool_size,
      filtered: result.filtered,
      candidates: result.candidates,
      audit: auditUrl(job.id),
    };
  }
  return {
    eval_id: job.id,
    status: job.status,
    error: { code: job.errorCode ?? "evaluation_failed", message: job.errorMessage ?? "The evaluation failed" },
    audit: auditUrl(job.id),
  };
}

/**
 * What a finished job's webhook carries: the result body and, as on GET and in batch.completed,
 * `livemode` (false for a job submitted with a test key), so a receiver can keep test traffic apart.
 */
export function jobWebhookBody(
  job: { id: string; status: string; errorCode: string | null; errorMessage: string | null; livemode: boolean },
  result: EvaluationResult | null,
) {
  return { ...resultBody(job, result), livemode: job.livemode };
}
