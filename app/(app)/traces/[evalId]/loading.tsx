import { PageLoading } from "@/components/ui/page-loading";

// The audit trace is unpacked and its evidence recomputed before the page renders.
export default function Loading() {
  return <PageLoading label="Loading the audit trace…" />;
}
