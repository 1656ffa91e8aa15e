"use client";

import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiRequestError } from "@/components/api";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/badges";
import { Field, Panel, fieldErrors, inputClass } from "@/components/settings/panel";
import { LoadError, SkeletonRows, Table, td, th } from "@/components/settings/table-states";
import { formatDate } from "@/components/trace/format";
import { AddMemberBody, MEMBER_ROLES, type MemberView } from "@/lib/orgs/schemas";
import { MemberActions, MEMBERS_KEY as KEY } from "@/components/settings/member-actions";

const ROLE_LABEL = { admin: "Admin", underwriter: "Underwriter" } as const;

export function MembersPanel({ currentUserId }: { currentUserId: string }) {
  const members = useQuery({ queryKey: KEY, queryFn: () => api<{ data: MemberView[] }>("/api/v1/members") });
  return (
    <>
      <Panel
        id="members"
        title="Members"
        description="People who sign in to this organization. Admins also manage keys, webhooks and members. Changing a role or removing someone signs them out at once; the organization always keeps one admin."
        flush
      >
        {members.isError ? (
          <LoadError what="the members" error={members.error} retry={() => members.refetch()} />
        ) : (
          <Table
            caption="Members"
            head={
              <tr>
                <th scope="col" className={th}>
                  Name
                </th>
                <th scope="col" className={th}>
                  Email
                </th>
                <th scope="col" className={th}>
                  Role
                </th>
                <th scope="col" className={th}>
                  Added
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            }
          >
            {!members.data ? (
              <SkeletonRows cols={5} rows={2} />
            ) : (
              members.data.data.map((m) => (
                <tr key={m.id} data-testid="member-row">
                  <td className={`${td} font-medium text-slate-900`}>
                    {m.name}
                    {m.user_id === currentUserId && <span className="ml-2 text-xs font-normal text-slate-600">(you)</span>}
                  </td>
                  <td className={td}>
                    {m.email}
                    {m.must_change_password && <span className="ml-2 text-xs text-amber-800">(temporary password)</span>}
                  </td>
                  <td className={td}>
                    <RoleBadge role={m.role} />
                  </td>
                  <td className={td}>{formatDate(m.created_at)}</td>
                  <td className={td}>
                    <MemberActions member={m} isYou={m.user_id === currentUserId} />
                  </td>
                </tr>
              ))
            )}
          </Table>
        )}
      </Panel>
      <Panel
        id="add-member"
        title="Add a member"
        description="They sign in with this email and the temporary password; send it to them through a channel you trust."
      >
        <AddMemberForm />
      </Panel>
    </>
  );
}

function AddMemberForm() {
  const qc = useQueryClient();
  const ids = { email: useId(), name: useId(), password: useId(), role: useId() };
  const empty = { email: "", name: "", password: "", role: "underwriter" as (typeof MEMBER_ROLES)[number] };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<MemberView | null>(null);
  const add = useMutation({
    mutationFn: (body: AddMemberBody) => api<MemberView>("/api/v1/members", { method: "POST", body: JSON.stringify(body) }),
    onSuccess: (m) => {
      setAdded(m);
      setForm(empty);
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => setErrors(e instanceof ApiRequestError ? fieldErrors(e.details) : {}),
  });
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const described = (k: keyof typeof ids, hasHint = false) => (errors[k] ? `${ids[k]}-error` : hasHint ? `${ids[k]}-hint` : undefined);

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setAdded(null);
        const parsed = AddMemberBody.safeParse({ ...form, name: form.name.trim() || undefined });
        if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
        setErrors({});
        add.mutate(parsed.data);
      }}
    >
      {added && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          Added {added.email} as {ROLE_LABEL[added.role].toLowerCase()}. They sign in with the temporary password and must choose their own at once.
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={ids.email} label="Email" error={errors.email}>
          <input
            id={ids.email}
            type="email"
            autoComplete="off"
            value={form.email}
            onChange={set("email")}
            aria-invalid={!!errors.email}
            aria-describedby={described("email")}
            className={inputClass(!!errors.email)}
          />
        </Field>
        <Field id={ids.name} label="Name (optional)" error={errors.name}>
          <input
            id={ids.name}
            autoComplete="off"
            value={form.name}
            onChange={set("name")}
            aria-invalid={!!errors.name}
            aria-describedby={described("name")}
            className={inputClass(!!errors.name)}
          />
        </Field>
        <Field id={ids.password} label="Temporary password" hint="At least 8 characters." error={errors.password}>
          <div className="flex gap-2">
            <input
              id={ids.password}
              type="text"
              autoComplete="new-password"
              spellCheck={false}
              value={form.password}
              onChange={set("password")}
              aria-invalid={!!errors.password}
              aria-describedby={described("password", true)}
              className={`${inputClass(!!errors.password)} font-mono`}
            />
            <Button type="button" variant="secondary" className="shrink-0" onClick={() => setForm((f) => ({ ...f, password: generatePassword() }))}>
              Generate
            </Button>
          </div>
        </Field>
        <Field id={ids.role} label="Role" error={errors.role}>
          <select id={ids.role} value={form.role} onChange={set("role")} className={inputClass(!!errors.role)}>
            {MEMBER_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {add.isError && !Object.keys(errors).length && <ErrorNote>Could not add the member: {add.error.message}</ErrorNote>}
      <Button type="submit" disabled={add.isPending}>
        {add.isPending ? "Adding…" : "Add member"}
      </Button>
    </form>
  );
}

function RoleBadge({ role }: { role: MemberView["role"] }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${role === "admin" ? "bg-indigo-100 text-indigo-900" : "bg-slate-100 text-slate-800"}`}
    >
      {ROLE_LABEL[role]}
    </span>
  );
}

/** 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I), from the browser's CSPRNG. */
function generatePassword() {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const limit = 256 - (256 % alphabet.length); // rejection sampling keeps every character equally likely
  let out = "";
  while (out.length < 16) {
    for (const b of crypto.getRandomValues(new Uint8Array(32))) if (b < limit && out.length < 16) out += alphabet[b % alphabet.length];
  }
  return out;
}
