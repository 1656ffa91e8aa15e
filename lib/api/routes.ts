import type { RouteContract } from "@/lib/api/contract";
import { createJobRoute, getJobRoute, listJobsRoute } from "@/lib/jobs/contract";
import { importPoolRoute, listPoolsRoute } from "@/lib/pools/contract";
import {
  getWebhookSecretRoute,
  listDeliveriesRoute,
  listWebhookDeliveriesRoute,
  redeliverRoute,
  rotateWebhookSecretRoute,
  sendTestEventRoute,
} from "@/lib/webhooks/contract";
import { createShareLinkRoute, listShareLinksRoute, revokeShareLinkRoute } from "@/lib/share/contract";
import { createApiKeyRoute, listApiKeysRoute, revokeApiKeyRoute } from "@/lib/keys/contract";
import { addMemberRoute, listMembersRoute, removeMemberRoute, updateMemberRoute } from "@/lib/orgs/contract";
import { listAuditEventsRoute } from "@/lib/audit/contract";
import { getScoringRulesRoute, putScoringRulesRoute } from "@/lib/rules/contract";
import { getTraceRoute } from "@/lib/traces/contract";
import { compareJobsRoute, diffPoolVersionsRoute, listPoolVersionsRoute } from "@/lib/compare/contract";
import { deleteSavedViewRoute, getSavedViewRoute, listSavedViewsRoute, saveViewRoute } from "@/lib/saved-views/contract";
import { getRecheckSettingsRoute, putRecheckSettingsRoute } from "@/lib/recheck/contract";
import { createBatchRoute, getBatchResultsRoute, getBatchRoute, listBatchesRoute } from "@/lib/batches/contract";
import { staleCarriersRoute } from "@/lib/stale/contract";
import { marketStatsRoute } from "@/lib/markets/contract";
import { getMarketingSummaryRoute, getPlanRoute, postPlanEventRoute, putPlanRoute } from "@/lib/plan/contract";

// Every route contract, in the order the OpenAPI document lists them. A new route adds its
// contract here (tests/api/contract.db.test.ts fails for a route file whose contract is missing).

export const ROUTES: readonly RouteContract[] = [
  createJobRoute,
  listJobsRoute,
  getJobRoute,
  listDeliveriesRoute,
  redeliverRoute,
  listPoolsRoute,
  importPoolRoute,
  listWebhookDeliveriesRoute,
  sendTestEventRoute,
  listShareLinksRoute,
  createShareLinkRoute,
  revokeShareLinkRoute,
  listApiKeysRoute,
  createApiKeyRoute,
  revokeApiKeyRoute,
  getWebhookSecretRoute,
  rotateWebhookSecretRoute,
  listMembersRoute,
  addMemberRoute,
  updateMemberRoute,
  removeMemberRoute,
  listAuditEventsRoute,
  getScoringRulesRoute,
  putScoringRulesRoute,
  getTraceRoute,
  compareJobsRoute,
  listPoolVersionsRoute,
  diffPoolVersionsRoute,
  getRecheckSettingsRoute,
  putRecheckSettingsRoute,
  listSavedViewsRoute,
  saveViewRoute,
  getSavedViewRoute,
  deleteSavedViewRoute,
  createBatchRoute,
  listBatchesRoute,
  getBatchRoute,
  getBatchResultsRoute,
  getPlanRoute,
  putPlanRoute,
  postPlanEventRoute,
  marketStatsRoute,
  getMarketingSummaryRoute,
  staleCarriersRoute,
];
