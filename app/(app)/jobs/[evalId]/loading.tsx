import { PageLoading } from "@/components/ui/page-loading";

// The evaluation page reads the job, its result and the pools before it renders.
export default function Loading() {
  return <PageLoading label="Loading the evaluation…" />;
}
