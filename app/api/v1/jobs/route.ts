// POST /api/v1/jobs – submit an evaluation; GET /api/v1/jobs – the organization's jobs, newest first
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { createJobRoute, listJobsRoute } from "@/lib/jobs/contract";
import { submitJob } from "@/lib/jobs/submit";
import { listJobs } from "@/lib/jobs/read";
import { settings } from "@/lib/settings";
import { wakeWorkers } from "@/lib/wake";

export const dynamic = "force-dynamic";

// The body is read by the contract and validated by submitJob (bodyValidation "deferred"): the
// same CreateJobBody plus the profile against the pool's domain, every problem in one 400.
export const POST = apiRoute(createJobRoute, async (req, { principal, db, body }) => {
  const submitted = await submitJob(db, principal, body, req.headers.get("idempotency-key"));
  if (!submitted.replayed) wakeWorkers();
  return json(submitted.body, {
    status: submitted.status,
    headers: {
      Location: `${settings().baseUrl}/api/v1/jobs/${submitted.body.eval_id}`,
      ...(submitted.replayed ? { "Idempotent-Replayed": "true" } : {}),
    },
  });
});

// Test and live jobs are listed apart: a key sees its own mode's, people choose (live by default).
export const GET = apiRoute(listJobsRoute, async (_req, { principal, db, query }) =>
  json(await listJobs(db, principal.organizationId, { ...query, mode: principal.via === "api_key" ? principal.keyMode : query.mode })),
);

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
