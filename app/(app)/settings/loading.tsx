import { PageLoading } from "@/components/ui/page-loading";

// Settings pages read the organization's members, keys and webhook setup first.
export default function Loading() {
  return <PageLoading label="Loading settings…" />;
}
