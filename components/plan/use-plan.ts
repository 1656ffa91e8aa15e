"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PlanEventBody, PlanView, PutPlanBody } from "@/lib/plan/schemas";
import { api } from "@/components/api";

// The Plan tab talks to the same API as integrators: GET/PUT /api/v1/jobs/{eval_id}/plan and
// POST …/plan/{carrier_id}/events. Every answer is the whole plan, which replaces the cache.

const path = (evalId: string) => `/api/v1/jobs/${encodeURIComponent(evalId)}/plan`;

export function usePlan(evalId: string, enabled = true) {
  return useQuery({ queryKey: ["plan", evalId], queryFn: () => api<PlanView>(path(evalId)), enabled });
}

export function usePutPlan(evalId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PutPlanBody) => api<PlanView>(path(evalId), { method: "PUT", body: JSON.stringify(body) }),
    onSuccess: (plan) => qc.setQueryData(["plan", evalId], plan),
  });
}

export function usePlanEvent(evalId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ carrierId, body }: { carrierId: string; body: PlanEventBody }) =>
      api<PlanView>(`${path(evalId)}/${encodeURIComponent(carrierId)}/events`, { method: "POST", body: JSON.stringify(body) }),
    onSuccess: (plan) => qc.setQueryData(["plan", evalId], plan),
  });
}

/** The PUT body that appends `ids` (not yet planned) to the current plan, keeping every entry. */
export function appendToPlan(plan: PlanView | undefined, ids: string[]): PutPlanBody {
  const current = plan?.entries ?? [];
  const have = new Set(current.map((e) => e.carrier_id));
  return { entries: [...current.map((e) => ({ carrier_id: e.carrier_id })), ...ids.filter((id) => !have.has(id)).map((carrier_id) => ({ carrier_id }))] };
}
