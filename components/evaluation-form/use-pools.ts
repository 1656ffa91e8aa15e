"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { ListPoolsResponse } from "@/lib/jobs/schemas";
import { api } from "@/components/api";

export type Pool = z.infer<typeof ListPoolsResponse>["data"][number];

/** The pools this organization may evaluate against (GET /api/v1/pools). They change rarely. */
export function usePools() {
  return useQuery({
    queryKey: ["pools"],
    queryFn: () => api<z.infer<typeof ListPoolsResponse>>("/api/v1/pools").then((r) => r.data),
    staleTime: 5 * 60_000,
  });
}
