"use client";

import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiRequestError } from "@/components/api";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorNote } from "@/components/ui/badges";
import { CopyField } from "@/components/settings/copy-field";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { Field, Panel, fieldErrors, inputClass } from "@/components/settings/panel";
import { LoadError, SkeletonRows, Table, td, th } from "@/components/settings/table-states";
import { formatDate, formatDateTime, formatRelative } from "@/components/trace/format";
import { CreateApiKeyBody, type ApiKeyView, type CreatedApiKey } from "@/lib/keys/schemas";
import { SCOPES, SCOPE_LABELS, type Scope } from "@/lib/keys/scopes";

const EXPIRY_DAYS = [0, 30, 90, 365] as const;

const KEYS = ["settings", "api-keys"];

export function ApiKeysPanel() {
  const qc = useQueryClient();
  const keys = useQuery({ queryKey: KEYS, queryFn: () => api<{ data: ApiKeyView[] }>("/api/v1/api-keys") });
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  // The moment the panel opened: "Expired" is judged against it, not re-read on every render.
  const [openedAt] = useState(() => Date.now());
  const revoke = useMutation({
    mutationFn: (id: string) => api<null>(`/api/v1/api-keys/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEYS }),
  });

  return (
    <>
      <Panel
        id="new-key"
        title="Create an API key"
        description={
          <>
            API clients send the key in the <code className="font-mono text-xs">X-API-Key</code> header. Live keys (
            <code className="font-mono text-xs">nx_live_…</code>) are for production, test keys (<code className="font-mono text-xs">nx_test_…</code>) for
            sandboxes. A key is shown once: Nexio keeps only a hash.
          </>
        }
      >
        <CreateKeyForm
          onCreated={(k) => {
            setCreated(k);
            void qc.invalidateQueries({ queryKey: KEYS });
          }}
        />
        {created && (
          <div className="mt-5 space-y-3 rounded-md border border-emerald-200 bg-emerald-50 p-4" data-testid="new-key">
            <CopyField
              label={`New ${created.mode} key “${created.name}”`}
              value={created.key}
              hint="This is the only time the key is shown. Store it in your secret manager now."
            />
            <Button type="button" variant="secondary" onClick={() => setCreated(null)}>
              I have stored it
            </Button>
          </div>
        )}
      </Panel>

      <Panel id="keys" title="API keys" flush>
        {keys.isError ? (
          <LoadError what="the keys" error={keys.error} retry={() => keys.refetch()} />
        ) : keys.data?.data.length === 0 ? (
          <div className="p-5">
            <EmptyState title="No API keys yet">Create one above to call the API.</EmptyState>
          </div>
        ) : (
          <Table
            caption="API keys"
            head={
              <tr>
                <th scope="col" className={th}>
                  Name
                </th>
                <th scope="col" className={th}>
                  Key
                </th>
                <th scope="col" className={th}>
                  Mode
                </th>
                <th scope="col" className={th}>
                  Scopes
                </th>
                <th scope="col" className={th}>
                  Created
                </th>
                <th scope="col" className={th}>
                  Last used
                </th>
                <th scope="col" className={th}>
                  Expires
                </th>
                <th scope="col" className={`${th} text-right`}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            }
          >
            {!keys.data ? (
              <SkeletonRows cols={8} />
            ) : (
              keys.data.data.map((k) => (
                <tr key={k.id} data-testid="api-key-row" className={k.revoked_at ? "text-slate-500" : ""}>
                  <td className={`${td} font-medium ${k.revoked_at ? "" : "text-slate-900"}`}>{k.name}</td>
                  <td className={td}>
                    <code className="font-mono text-xs">{k.prefix}…</code>
                  </td>
                  <td className={td}>
                    <ModeBadge mode={k.mode} />
                  </td>
                  <td className={`${td} max-w-56 text-xs`}>{k.scopes.length === SCOPES.length ? "All" : k.scopes.join(", ")}</td>
                  <td className={td} title={formatDateTime(k.created_at)}>
                    {formatDate(k.created_at)}
                  </td>
                  <td className={td} title={k.last_used_at ? formatDateTime(k.last_used_at) : undefined}>
                    {k.last_used_at ? formatRelative(k.last_used_at) : "Never"}
                  </td>
                  <td className={td}>
                    {k.expires_at ? (
                      new Date(k.expires_at).getTime() < openedAt ? (
                        <span className="text-red-800">Expired {formatDate(k.expires_at)}</span>
                      ) : (
                        formatDate(k.expires_at)
                      )
                    ) : (
                      "Never"
                    )}
                  </td>
                  <td className={`${td} text-right`}>
                    {k.revoked_at ? (
                      <span className="text-xs">Revoked {formatDate(k.revoked_at)}</span>
                    ) : (
                      <ConfirmButton
                        label="Revoke"
                        confirmLabel="Revoke key"
                        question="Clients using it stop working."
                        accessibleName={`Revoke key ${k.name}`}
                        pending={revoke.isPending && revoke.variables === k.id}
                        onConfirm={() => revoke.mutate(k.id)}
                      />
                    )}
                  </td>
                </tr>
              ))
            )}
          </Table>
        )}
        {revoke.isError && (
          <div className="p-4">
            <ErrorNote>Could not revoke the key: {revoke.error.message}</ErrorNote>
          </div>
        )}
      </Panel>
    </>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (k: CreatedApiKey) => void }) {
  const nameId = useId();
  const [name, setName] = useState("");
  const [mode, setMode] = useState<"live" | "test">("live");
  const [scopes, setScopes] = useState<Scope[]>([...SCOPES]);
  const [days, setDays] = useState<(typeof EXPIRY_DAYS)[number]>(0);
  const expiryId = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (body: CreateApiKeyBody) => api<CreatedApiKey>("/api/v1/api-keys", { method: "POST", body: JSON.stringify(body) }),
    onSuccess: (k) => {
      setName("");
      onCreated(k);
    },
    onError: (e) => setErrors(e instanceof ApiRequestError ? fieldErrors(e.details) : {}),
  });

  return (
    <form
      noValidate
      className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto_auto] sm:items-start"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = CreateApiKeyBody.safeParse({ name, mode, scopes: scopes.length === SCOPES.length ? ["*"] : scopes, expires_in_days: days || undefined });
        if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
        setErrors({});
        create.mutate(parsed.data);
      }}
    >
      <Field id={nameId} label="Name" hint="Where the key is used, e.g. “Broker portal (production)”." error={errors.name}>
        <input
          id={nameId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={100}
          aria-invalid={!!errors.name}
          aria-describedby={errors.name ? `${nameId}-error` : `${nameId}-hint`}
          className={inputClass(!!errors.name)}
        />
      </Field>
      <fieldset>
        <legend className="block text-sm font-medium text-slate-800">Mode</legend>
        <div className="mt-1 inline-flex rounded-md border border-slate-300 bg-white p-0.5">
          {(["live", "test"] as const).map((m) => (
            <label
              key={m}
              className={`cursor-pointer rounded px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 ${mode === m ? "bg-indigo-700 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="sr-only" />
              {m === "live" ? "Live" : "Test"}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="sm:col-span-2">
        <legend className="block text-sm font-medium text-slate-800">Scopes</legend>
        <p className="text-xs text-slate-600">A key without a scope gets 403 for that call. All scopes include those added later.</p>
        <div className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
          {SCOPES.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={(e) => setScopes((cur) => (e.target.checked ? [...cur, s] : cur.filter((x) => x !== s)))}
              />
              <code className="font-mono text-xs">{s}</code> <span className="text-slate-600">{SCOPE_LABELS[s]}</span>
            </label>
          ))}
        </div>
        {errors.scopes && <p className="mt-1 text-sm text-red-800">{errors.scopes}</p>}
      </fieldset>
      <div>
        <label htmlFor={expiryId} className="block text-sm font-medium text-slate-800">
          Expires
        </label>
        <select id={expiryId} value={days} onChange={(e) => setDays(Number(e.target.value) as (typeof EXPIRY_DAYS)[number])} className={inputClass()}>
          {EXPIRY_DAYS.map((d) => (
            <option key={d} value={d}>
              {d === 0 ? "Never" : `In ${d} days`}
            </option>
          ))}
        </select>
      </div>
      <div className="sm:col-span-3">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
      </div>
      {create.isError && !Object.keys(errors).length && (
        <div className="sm:col-span-3">
          <ErrorNote>Could not create the key: {create.error.message}</ErrorNote>
        </div>
      )}
    </form>
  );
}

function ModeBadge({ mode }: { mode: "live" | "test" }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${mode === "live" ? "bg-indigo-100 text-indigo-900" : "bg-amber-100 text-amber-900"}`}
    >
      {mode === "live" ? "Live" : "Test"}
    </span>
  );
}
