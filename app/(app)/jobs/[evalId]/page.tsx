import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";
import { requireSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { EVAL_ID_PATTERN } from "@/lib/ids";
import { getJob } from "@/lib/jobs/read";
import { listPools } from "@/lib/pools/pools";
import { getDomain } from "@/lib/engine";
import { JobView } from "@/components/results/job-view";

export const metadata: Metadata = { title: "Evaluation" };

// The job is read here once so that an unknown id, or another organization's, is a real 404
// (no loading.tsx on this segment: a streamed shell would have answered 200 before we knew).
// The page ships the job's header only; the client polls the API for status and results.
export default async function JobPage({ params }: { params: Promise<{ evalId: string }> }) {
  const { evalId } = await params;
  if (!EVAL_ID_PATTERN.test(evalId)) notFound();
  const { principal } = await requireSession(`/jobs/${evalId}`);
  const job = await getJob(prisma(), principal.organizationId, evalId).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const pool = (await listPools(prisma(), principal.organizationId)).find((p) => p.id === job.pool);
  const fields = (pool && getDomain(pool.domain)?.fieldMeta) || [];
  const { candidates: _omitted, ...head } = job;
  return <JobView initial={head} fields={fields} />;
}
