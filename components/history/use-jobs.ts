"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { ListJobsResponse } from "@/lib/jobs/schemas";
import { api } from "@/components/api";
import { toApiQuery, type HistoryState } from "./search-params";

export type JobList = z.infer<typeof ListJobsResponse>;
export type JobSummary = JobList["data"][number];

const unfinished = (list: JobList | undefined) => list?.data.some((j) => j.status === "queued" || j.status === "running") ?? false;

/** One page of the organization's jobs; refreshes itself while any job on it is still working. */
export function useJobs(state: HistoryState) {
  const query = toApiQuery(state);
  return useQuery({
    queryKey: ["jobs", query],
    queryFn: () => api<JobList>(`/api/v1/jobs?${query}`),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (unfinished(q.state.data) ? 2000 : false),
  });
}
