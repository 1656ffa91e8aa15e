"use client";

import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api";
import { Button } from "@/components/ui/button";
import { Card, ErrorNote, Spinner } from "@/components/ui/badges";
import { CopyField } from "@/components/settings/copy-field";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { formatDate, formatDateTime } from "@/components/trace/format";
import { EXPIRY_DAYS, type CreatedShareLink, type ShareKind, type ShareLinkView } from "@/lib/share/schemas";

export function useShareLinks(evalId: string, kind: ShareKind = "trace") {
  return useQuery({
    queryKey: ["share-links", evalId, kind],
    queryFn: () => api<{ data: ShareLinkView[] }>(`/api/v1/jobs/${evalId}/share-links?kind=${kind}`),
  });
}

const WHAT: Record<ShareKind, { intro: string; list: string }> = {
  trace: { intro: "Anyone with the link can read this trace without signing in, until it expires or you revoke it.", list: "Links to this trace" },
  marketing_summary: {
    intro:
      "Anyone with the link can read this marketing summary without signing in, until it expires or you revoke it. It shows the plan as it is when opened.",
    list: "Links to this summary",
  },
};

/** Make a revocable, expiring read-only link to this trace (or the plan's marketing summary); the full URL is shown once. */
export function SharePanel({ evalId, kind = "trace" }: { evalId: string; kind?: ShareKind }) {
  const qc = useQueryClient();
  const selectId = useId();
  const [days, setDays] = useState<number>(7);
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  const links = useShareLinks(evalId, kind);
  const refresh = () => qc.invalidateQueries({ queryKey: ["share-links", evalId, kind] });

  const create = useMutation({
    mutationFn: () => api<CreatedShareLink>(`/api/v1/jobs/${evalId}/share-links`, { method: "POST", body: JSON.stringify({ expires_in_days: days, kind }) }),
    onSuccess: (link) => {
      setCreated(link);
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<null>(`/api/v1/share-links/${id}`, { method: "DELETE" }),
    onSuccess: (_r, id) => {
      if (created?.id === id) setCreated(null);
      void refresh();
    },
  });

  return (
    <Card title="Share">
      <div className="space-y-4">
        <p className="text-sm text-slate-600">{WHAT[kind].intro}</p>
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <div className="flex-1">
            <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
              Expires after
            </label>
            <select
              id={selectId}
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
              className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              {EXPIRY_DAYS.map((d) => (
                <option key={d} value={d}>
                  {d === 1 ? "1 day" : `${d} days`}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create link"}
          </Button>
        </form>
        {create.isError && <ErrorNote>Could not create the link: {create.error.message}</ErrorNote>}
        {created && (
          <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3">
            <CopyField wrap label="New share link" value={created.url} hint={`Shown once: copy it now. Expires ${formatDateTime(created.expires_at)}.`} />
          </div>
        )}

        <div>
          <h3 className="text-sm font-semibold text-slate-900">{WHAT[kind].list}</h3>
          {links.isPending ? (
            <div className="py-3">
              <Spinner label="Loading links" />
            </div>
          ) : links.isError ? (
            <div className="mt-2">
              <ErrorNote>Could not load the links: {links.error.message}</ErrorNote>
            </div>
          ) : links.data.data.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">No links yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200" aria-label="Share links">
              {links.data.data.map((l) => (
                <li key={l.id} data-testid="share-link" className="flex items-center justify-between gap-3 px-3 py-2">
                  <div className="min-w-0 text-sm">
                    <p className="flex items-center gap-2">
                      <LinkStatus link={l} />
                      <span className="text-slate-800" title={formatDateTime(l.revoked_at ?? l.expires_at)}>
                        {l.revoked_at ? `Revoked ${formatDate(l.revoked_at)}` : `${l.active ? "Expires" : "Expired"} ${formatDate(l.expires_at)}`}
                      </span>
                    </p>
                    <p className="text-xs text-slate-600" title={formatDateTime(l.created_at)}>
                      Created {formatDateTime(l.created_at)}
                    </p>
                  </div>
                  {l.active && (
                    <ConfirmButton
                      label="Revoke"
                      confirmLabel="Revoke link"
                      accessibleName={`Revoke link created ${formatDateTime(l.created_at)}`}
                      pending={revoke.isPending && revoke.variables === l.id}
                      onConfirm={() => revoke.mutate(l.id)}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
          {revoke.isError && (
            <div className="mt-2">
              <ErrorNote>Could not revoke the link: {revoke.error.message}</ErrorNote>
            </div>
          )}
        </div>
      </div>
    </Card>
  );
}

function LinkStatus({ link }: { link: ShareLinkView }) {
  const [label, style] = link.active
    ? ["Active", "bg-emerald-100 text-emerald-900"]
    : link.revoked_at
      ? ["Revoked", "bg-red-100 text-red-900"]
      : ["Expired", "bg-slate-200 text-slate-800"];
  return <span className={`inline-flex shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ${style}`}>{label}</span>;
}
