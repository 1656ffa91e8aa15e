import { defineRoute, pickErrors } from "@/lib/api/contract";
import { ADMIN_ONLY, SETTINGS_ERRORS } from "@/lib/keys/contract";
import { z } from "zod";
import { AddMemberBody, ListMembersQuery, MemberList, MemberView, UpdateMemberBody } from "@/lib/orgs/schemas";
import { MEMBER_ID_PATTERN } from "@/lib/id-patterns";

const MemberIdParams = z.object({ id: z.string().regex(MEMBER_ID_PATTERN) });
const LIFECYCLE = `${ADMIN_ONLY} The member's sessions end at once (their next request is 401). An organization keeps at least one admin (409).`;

// The contracts of the member routes (lib/api/contract.ts).

export const listMembersRoute = defineRoute({
  method: "get",
  path: "/api/v1/members",
  operationId: "listMembers",
  summary: "The organization's members, oldest first, paged",
  description: ADMIN_ONLY,
  access: "settings-admin",
  query: ListMembersQuery,
  responses: { 200: { description: "Members", schema: MemberList } },
  errors: pickErrors(SETTINGS_ERRORS, 400, 401, 403, 429, 500),
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

export const updateMemberRoute = defineRoute({
  method: "patch",
  path: "/api/v1/members/{id}",
  operationId: "updateMember",
  summary: "Change a member's role, or set a password they must change at their next sign-in",
  description: LIFECYCLE,
  access: "settings-admin",
  params: MemberIdParams,
  notFound: "Member",
  body: UpdateMemberBody,
  responses: { 200: { description: "The member as they are now", schema: MemberView } },
  errors: { ...pickErrors(SETTINGS_ERRORS, 400, 401, 403, 404, 413, 415, 429, 500), 409: "conflict: the organization would be left without an admin" },
});

export const removeMemberRoute = defineRoute({
  method: "delete",
  path: "/api/v1/members/{id}",
  operationId: "removeMember",
  summary: "Remove a member from the organization",
  description: LIFECYCLE,
  access: "settings-admin",
  params: MemberIdParams,
  notFound: "Member",
  responses: { 204: { description: "Removed" } },
  errors: { ...pickErrors(SETTINGS_ERRORS, 401, 403, 404, 429, 500), 409: "conflict: the organization would be left without an admin" },
});
