// POST /api/v1/jobs – submit an evaluation; GET /api/v1/jobs – the organization's jobs, newest first
import { apiRoute, json, methodNotAllowed } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/body";
import { fromZodIssues } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { submitJob } from "@/lib/jobs/submit";
import { listJobs } from "@/lib/jobs/read";
import { ListJobsQuery } from "@/lib/jobs/schemas";
import { settings } from "@/lib/settings";
import { wakeWorkers } from "@/lib/worker/wake";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (req, { principal }) => {
  const body = await readJsonBody(req);
  const submitted = await submitJob(prisma(), principal, body, req.headers.get("idempotency-key"));
  if (!submitted.replayed) wakeWorkers();
  return json(submitted.body, {
    status: submitted.status,
    headers: {
      Location: `${settings().baseUrl}/api/v1/jobs/${submitted.body.eval_id}`,
      ...(submitted.replayed ? { "Idempotent-Replayed": "true" } : {}),
    },
  });
});

export const GET = apiRoute(async (req, { principal }) => {
  const query = ListJobsQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw fromZodIssues(query.error.issues);
  return json(await listJobs(prisma(), principal.organizationId, query.data));
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
