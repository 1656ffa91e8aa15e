"use client";

import { useQuery } from "@tanstack/react-query";
import type { JobResponse } from "@/lib/jobs/schemas";
import { api } from "@/components/api";

export type Job = JobResponse;
export type ScoredCandidate = NonNullable<Job["candidates"]>[number];
export type NearMiss = NonNullable<Job["near_misses"]>[number];

export const isDone = (status: string | undefined) => status === "completed" || status === "failed";

/** A job, polled every second until it completes or fails; a finished job never changes again. The dashboard asks for the near misses too. */
export function useJob(evalId: string) {
  return useQuery({
    queryKey: ["job", evalId],
    queryFn: () => api<Job>(`/api/v1/jobs/${encodeURIComponent(evalId)}?include=near_misses`),
    refetchInterval: (q) => (isDone(q.state.data?.status) ? false : 1000),
    staleTime: (q) => (isDone(q.state.data?.status) ? Infinity : 0),
    retry: 3,
  });
}
