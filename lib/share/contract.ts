import { PageQuery } from "@/lib/paging";
import { z } from "zod";
import { COMMON_ERRORS, defineRoute, pickErrors } from "@/lib/api/contract";
import { EvalIdParams } from "@/lib/jobs/contract";
import { SHARE_LINK_ID_PATTERN } from "@/lib/id-patterns";
import { CreateShareLinkBody, CreatedShareLink, ShareLinkKindQuery, ShareLinkList } from "@/lib/share/schemas";

// The contracts of the share-link routes (lib/api/contract.ts).

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: the body is invalid; `details` lists every problem with its path",
  404: "not_found: nothing with this id in the organization",
} as const;

export const listShareLinksRoute = defineRoute({
  method: "get",
  path: "/api/v1/jobs/{eval_id}/share-links",
  operationId: "listShareLinks",
  query: PageQuery.extend(ShareLinkKindQuery),
  scope: "jobs:read",
  summary: "Share links of a job (its audit trace, its marketing summary)",
  params: EvalIdParams,
  notFound: "Job",
  responses: { 200: { description: "Links, newest first; never the token", schema: ShareLinkList } },
  errors: pickErrors(ERRORS, 401, 404, 429, 500),
});

export const createShareLinkRoute = defineRoute({
  method: "post",
  path: "/api/v1/jobs/{eval_id}/share-links",
  operationId: "createShareLink",
  // A public link is a write with consequences (anyone holding it reads the evaluation): not for read-only keys.
  scope: "shares:manage",
  summary: "Make a revocable, expiring read-only link to the audit trace or the marketing summary",
  description:
    "The token and URL are in this response only: Nexio stores a hash. Without signing in, until it expires or is revoked, the link opens the audit trace (/share/{token}) or, with `kind: marketing_summary`, the market plan's client summary (/share/summary/{token}); a link opens only its kind.",
  params: EvalIdParams,
  notFound: "Job",
  body: CreateShareLinkBody,
  responses: { 201: { description: "The new link, shown once", schema: CreatedShareLink } },
  errors: pickErrors(ERRORS, 400, 401, 404, 413, 415, 429, 500),
});

export const revokeShareLinkRoute = defineRoute({
  method: "delete",
  path: "/api/v1/share-links/{id}",
  operationId: "revokeShareLink",
  scope: "shares:manage",
  summary: "Revoke a share link",
  params: z.object({ id: z.string().regex(SHARE_LINK_ID_PATTERN).meta({ description: "The share link's id (shr_…)" }) }),
  notFound: "Share link",
  responses: { 204: { description: "Revoked" } },
  errors: pickErrors(ERRORS, 401, 404, 429, 500),
});
