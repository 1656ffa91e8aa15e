import { COMMON_ERRORS, errorResponses, jsonBody, okResponse } from "@/lib/api/openapi-parts";
import { CreateSavedViewBody, ListSavedViewsResponse, SavedView } from "@/lib/saved-views/schemas";

// /api/v1/saved-views in the OpenAPI document; lib/api/openapi.ts registers SAVED_VIEW_SCHEMAS
// and spreads savedViewApiPaths() in.

export const SAVED_VIEW_SCHEMAS = { CreateSavedViewBody, SavedView, SavedViewList: ListSavedViewsResponse } as const;

const ERRORS = {
  ...COMMON_ERRORS,
  400: "invalid_request: an unknown page, an empty name, or a results view without an evaluation of this organization",
  403: "forbidden: an API key (saved views belong to people signed in)",
  404: "not_found: no such view in this organization (DELETE: none of yours)",
} as const;
const errors = errorResponses(ERRORS);
const id = { name: "id", in: "path", required: true, schema: { type: "string" } };

export function savedViewApiPaths() {
  return {
    "/api/v1/saved-views": {
      get: {
        operationId: "listSavedViews",
        summary: "Your saved views of a page",
        parameters: [{ name: "page", in: "query", required: true, schema: { type: "string", enum: ["history", "results"] } }],
        responses: { 200: okResponse("SavedViewList", "Your views, by name"), ...errors(400, 401, 403, 429, 500) },
      },
      post: {
        operationId: "saveView",
        summary: "Save filters under a name (the same name again replaces them)",
        requestBody: jsonBody("CreateSavedViewBody"),
        responses: { 201: okResponse("SavedView", "Saved"), 200: okResponse("SavedView", "Replaced"), ...errors(400, 401, 403, 413, 415, 429, 500) },
      },
    },
    "/api/v1/saved-views/{id}": {
      get: {
        operationId: "getSavedView",
        summary: "One saved view; anyone in the organization may open it (its link is /views/{id})",
        parameters: [id],
        responses: { 200: okResponse("SavedView", "The view"), ...errors(401, 403, 404, 429, 500) },
      },
      delete: {
        operationId: "deleteSavedView",
        summary: "Delete one of your saved views",
        parameters: [id],
        responses: { 204: { description: "Deleted" }, ...errors(401, 403, 404, 429, 500) },
      },
    },
  };
}
