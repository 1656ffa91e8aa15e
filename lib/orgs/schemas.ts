import { z } from "zod";

/** Every role a member can have (lib/orgs/organizations.ts re-exports them). */
export const ROLES = ["admin", "underwriter"] as const;
export type Role = (typeof ROLES)[number];

// The contracts of the member routes, in one place: the handlers parse with the body, the
// settings form checks the same rules, and the tests verify responses against the response
// schemas. The form imports this file, so it imports only types from server modules; the
// `satisfies` line keeps the copied roles in step.

export const MEMBER_ROLES = ["underwriter", "admin"] as const satisfies readonly Role[];
const rolesComplete: Exclude<Role, (typeof MEMBER_ROLES)[number]> extends never ? true : false = true;
void rolesComplete;

export const AddMemberBody = z
  .object({
    email: z.email("must be an email address").max(254),
    // better-auth's own bounds for email + password sign-in.
    password: z.string().min(8, "must be at least 8 characters").max(128, "must be at most 128 characters"),
    role: z.enum(MEMBER_ROLES),
    name: z.string().trim().min(1, "must not be empty").max(100).optional(),
  })
  .strict();
export type AddMemberBody = z.infer<typeof AddMemberBody>;

export const MemberView = z.object({
  id: z.string(),
  user_id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(MEMBER_ROLES),
  created_at: z.string(),
  must_change_password: z.boolean().meta({ description: "An admin set the password: the member must change it at the next sign-in" }),
});
export type MemberView = z.infer<typeof MemberView>;

export const MemberList = z.object({ data: z.array(MemberView), has_more: z.boolean() });

export const ListMembersQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(200).default(100), starting_after: z.string().max(64).optional() })
  .strict();

/** PATCH /api/v1/members/{id}: a new role, and/or a new password the member must change at first sign-in. */
export const UpdateMemberBody = z
  .object({
    role: z.enum(MEMBER_ROLES).optional(),
    password: z.string().min(8, "must be at least 8 characters").max(128, "must be at most 128 characters").optional(),
  })
  .strict()
  .refine((b) => b.role !== undefined || b.password !== undefined, { message: "give a role or a password", path: ["role"] });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;
