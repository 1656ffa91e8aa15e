"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/components/api";
import { Card, Spinner } from "@/components/ui/badges";

const done = (s?: string) => s === "completed" || s === "failed";

/** While the evaluation runs: poll its status and re-render the page once it is finished. */
export function PendingTrace({ evalId, status, poll = true }: { evalId: string; status: string; poll?: boolean }) {
  const router = useRouter();
  const job = useQuery({
    queryKey: ["trace-job-status", evalId],
    queryFn: () => api<{ status: string }>(`/api/v1/jobs/${evalId}`),
    enabled: poll,
    refetchInterval: (q) => (done(q.state.data?.status) ? false : 1500),
  });
  const current = job.data?.status ?? status;
  useEffect(() => {
    if (done(current)) router.refresh();
  }, [current, router]);
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-3">
        <Spinner label={current === "running" ? "Evaluating…" : "Waiting to start…"} />
        <span className="text-sm text-slate-600">
          {poll ? "The trace appears here when the evaluation completes." : "The trace appears when the evaluation completes: reload this page in a moment."}
        </span>
      </div>
    </Card>
  );
}
