"use client";

import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { ErrorNote } from "@/components/ui/badges";
import { MEMBER_ROLES, type MemberView, type UpdateMemberBody } from "@/lib/orgs/schemas";

// One member's role and removal, on their row. Both end the member's sessions at once (they sign
// in again); the server keeps the last admin, and its message is shown here.

export const MEMBERS_KEY = ["settings", "members"];
const ROLE_LABEL = { admin: "Admin", underwriter: "Underwriter" } as const;

export function MemberActions({ member, isYou }: { member: MemberView; isYou: boolean }) {
  const qc = useQueryClient();
  const roleId = useId();
  const [error, setError] = useState<string | null>(null);
  const done = () => {
    setError(null);
    void qc.invalidateQueries({ queryKey: MEMBERS_KEY });
  };
  const update = useMutation({
    mutationFn: (body: UpdateMemberBody) => api<MemberView>(`/api/v1/members/${member.id}`, { method: "PATCH", body: JSON.stringify(body) }),
    onSuccess: done,
    onError: (e) => setError(e.message),
  });
  const remove = useMutation({
    mutationFn: () => api<null>(`/api/v1/members/${member.id}`, { method: "DELETE" }),
    onSuccess: done,
    onError: (e) => setError(e.message),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={roleId} className="sr-only">
        Role of {member.email}
      </label>
      <select
        id={roleId}
        value={member.role}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ role: e.target.value as MemberView["role"] })}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {MEMBER_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABEL[r]}
          </option>
        ))}
      </select>
      <ConfirmButton
        label={isYou ? "Leave" : "Remove"}
        confirmLabel={isYou ? "Leave the organization" : "Remove now"}
        question={isYou ? "You will be signed out." : `${member.email} is signed out at once.`}
        accessibleName={`Remove ${member.email}`}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
      {error && <ErrorNote>{error}</ErrorNote>}
    </div>
  );
}
