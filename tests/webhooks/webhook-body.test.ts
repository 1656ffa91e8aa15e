import { describe, expect, it } from "vitest";
import { jobWebhookBody } from "@/lib/jobs/webhook-body";
import { JobFailed, JobResult } from "@/lib/jobs/schemas";
import type { EvaluationResult } from "@/lib/engine/types";

// The webhook bodies match the schemas the OpenAPI document publishes for them (webhooks
// evaluationCompleted → JobResult, evaluationFailed → JobFailed), field for field.

const result: EvaluationResult = {
  pool_size: 40,
  filtered: 1,
  candidates: [
    {
      id: "acme_01",
      tier: "STRONG_FIT",
      name: "Harborlight Casualty Company",
      confidence: "HIGH",
      scores: { appetite: "L4", coverage: "L3", financial: "L4", pricing: "L3", placement: "L2", service: "L3" },
      reasoning: "Target appetite for professional liability in CA.",
      score: 87.5,
    },
  ],
};

describe("webhook bodies", () => {
  it("a completed job's body is a JobResult, with nothing the schema does not name", () => {
    const body = jobWebhookBody({ id: "eval_7xKp2mNc", status: "completed", errorCode: null, errorMessage: null, livemode: true }, result);
    expect(JobResult.strict().parse(body)).toEqual(body);
    expect(body.livemode).toBe(true);
    expect(JobFailed.safeParse(body).success).toBe(false);
  });

  it("a failed job's body is a JobFailed, with nothing the schema does not name", () => {
    const body = jobWebhookBody(
      { id: "eval_7xKp2mNc", status: "failed", errorCode: "pool_unavailable", errorMessage: "The pool version is gone", livemode: false },
      null,
    );
    expect(JobFailed.strict().parse(body)).toEqual(body);
    expect(body.livemode).toBe(false);
    expect(body.audit).toMatch(/\/traces\/eval_7xKp2mNc$/);
    expect(JobResult.safeParse(body).success).toBe(false);
  });
});
