import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { EVAL_ID_PATTERN } from "@/lib/ids";
import { bothJobsExist } from "@/lib/compare/load";
import { CompareView } from "@/components/compare/compare-view";

export const metadata: Metadata = { title: "What changed" };

// /jobs/{a}/compare/{b}: what changed from evaluation a (before) to b (after). A link to it works
// for anyone in the organization; an id of another organization is a 404, like the job page.
export default async function ComparePage({ params }: { params: Promise<{ evalId: string; otherId: string }> }) {
  const { evalId, otherId } = await params;
  if (!EVAL_ID_PATTERN.test(evalId) || !EVAL_ID_PATTERN.test(otherId)) notFound();
  const { principal } = await requireSession(`/jobs/${evalId}/compare/${otherId}`);
  if (!(await bothJobsExist(prisma(), principal.organizationId, evalId, otherId))) notFound();
  return <CompareView a={evalId} b={otherId} />;
}
