import { defineRoute, pickErrors } from "@/lib/api/contract";
import { ADMIN_ONLY, SETTINGS_ERRORS } from "@/lib/keys/contract";
import { AddMemberBody, MemberList, MemberView } from "@/lib/orgs/schemas";

// The contracts of the member routes (lib/api/contract.ts).

export const listMembersRoute = defineRoute({
  method: "get",
  path: "/api/v1/members",
  operationId: "listMembers",
  summary: "The organization's members",
  description: ADMIN_ONLY,
  access: "settings-admin",
  responses: { 200: { description: "Members", schema: MemberList } },
  errors: pickErrors(SETTINGS_ERRORS, 401, 403, 429, 500),
});

export const addMemberRoute = defineRoute({
  method: "post",
  path: "/api/v1/members",
  operationId: "addMember",
  summary: "Add a person who signs in with a temporary password",
  description: ADMIN_ONLY,
  access: "settings-admin",
  body: AddMemberBody,
  responses: { 201: { description: "The new member", schema: MemberView } },
  errors: pickErrors(SETTINGS_ERRORS, 400, 401, 403, 413, 415, 429, 500),
});
