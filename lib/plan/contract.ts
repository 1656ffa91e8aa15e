import { z } from "zod";
import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import { EvalIdParams } from "@/lib/jobs/contract";
import { CARRIER_ID_PATTERN, PlanEventBody, PlanView, PutPlanBody } from "@/lib/plan/schemas";
import { MarketingSummaryView } from "@/lib/plan/summary-schemas";

// The contracts of the market-plan routes (lib/api/contract.ts).

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: the body is invalid; `details` lists every problem with its path",
  404: "not_found: no such job (or plan entry) in the organization",
  409: "conflict: the job is not completed, or the status change is not allowed from the current status (`details` lists the allowed next statuses), or a surplus-lines carrier is bound before the home state's diligent search is met and without an `sl_exemption`",
} as const;

export const getPlanRoute = defineRoute({
  method: "get",
  path: "/api/v1/jobs/{eval_id}/plan",
  scope: "jobs:read",
  operationId: "getPlan",
  summary: "A job's market plan: carriers, statuses, history and the diligent-search tally",
  params: EvalIdParams,
  notFound: "Job",
  responses: { 200: { description: "The plan (empty entries when none yet)", schema: PlanView } },
  errors: pickErrors(ERRORS, 401, 404, 429, 500),
});

export const putPlanRoute = defineRoute({
  method: "put",
  path: "/api/v1/jobs/{eval_id}/plan",
  scope: "plans:write",
  operationId: "putPlan",
  summary: "Set the market plan: carriers from the result, in order, with responsible and target date",
  description:
    "New carriers start `planned`. A carrier already in the plan must stay listed: its history is kept; withdraw it with an event. `recommended` marks the quoted or bound carrier the broker recommends (recorded as an `updated` event).",
  params: EvalIdParams,
  notFound: "Job",
  body: PutPlanBody,
  responses: { 200: { description: "The plan", schema: PlanView } },
  errors: pickErrors(ERRORS, 400, 401, 404, 409, 413, 415, 429, 500),
});

export const postPlanEventRoute = defineRoute({
  method: "post",
  path: "/api/v1/jobs/{eval_id}/plan/{carrier_id}/events",
  scope: "plans:write",
  operationId: "postPlanEvent",
  summary: "Record a status change of a planned carrier (submitted, quote, declination, no response, bound, withdrawn)",
  description:
    "planned → submitted → quoted | declined | no_response (→ quoted | declined) ; quoted → bound; any open status → withdrawn. Another move is 409 with the allowed next statuses in `details`. A surplus-lines carrier is bound only once the plan's diligent search is met (the home state's number of admitted declinations), else 409 naming the state and the counts; `sl_exemption` (`exempt_commercial_purchaser` or `export_list`) binds it without the declinations and is recorded on the event; it is a 400 on anything but binding a surplus-lines carrier. A job with a webhook_url gets a signed `plan.updated` webhook.",
  params: EvalIdParams.extend({ carrierId: z.string().regex(CARRIER_ID_PATTERN).meta({ description: "The planned carrier's id" }) }),
  notFound: "Plan entry",
  body: PlanEventBody,
  responses: { 201: { description: "Recorded; the whole plan", schema: PlanView } },
  errors: pickErrors(ERRORS, 400, 401, 404, 409, 413, 415, 429, 500),
});

export const getMarketingSummaryRoute = defineRoute({
  method: "get",
  path: "/api/v1/jobs/{eval_id}/plan/summary",
  scope: "jobs:read",
  operationId: "getMarketingSummary",
  summary: "The marketing summary for the client: profile in brief, markets approached and their outcomes, quotes side by side, the recommended market and why",
  description:
    "The same data as the printable page /jobs/{eval_id}/summary, which a share link (`kind: marketing_summary`) opens without signing in. The recommended market is the quote the broker marked (`recommended` on PUT …/plan), else the bound quote, else the quoted market of the best fit tier.",
  params: EvalIdParams,
  notFound: "Job",
  responses: { 200: { description: "The summary", schema: MarketingSummaryView } },
  errors: pickErrors(ERRORS, 401, 404, 429, 500),
});
