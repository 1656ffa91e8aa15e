// POST /api/v1/jobs – submit an evaluation; GET /api/v1/jobs – the organization's jobs, newest first
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/body";
import { fromZodIssues } from "@/lib/api/errors";
import { submitJob } from "@/lib/jobs/submit";
import { listJobs } from "@/lib/jobs/read";
import { ListJobsQuery } from "@/lib/jobs/schemas";
import { settings } from "@/lib/settings";
import { wakeWorkers } from "@/lib/wake";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (req, { principal, db }) => {
  const body = await readJsonBody(req);
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

export const GET = apiRoute(async (req, { principal, db }) => {
  const query = ListJobsQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw fromZodIssues(query.error.issues);
  return json(await listJobs(db, principal.organizationId, query.data));
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
