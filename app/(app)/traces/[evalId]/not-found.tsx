import Link from "next/link";
import { EmptyState } from "@/components/ui/badges";

export default function TraceNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Trace not found</h1>
      <EmptyState title="There is no evaluation with this id in your organization.">
        Check the link, or find the evaluation in{" "}
        <Link href="/jobs" className="font-medium text-indigo-800 underline">
          History
        </Link>
        .
      </EmptyState>
    </div>
  );
}
