"use client";

import { useId, useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/components/api";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/badges";
import { Panel, inputClass } from "@/components/settings/panel";
import { LoadError, SkeletonRows, Table, td, th } from "@/components/settings/table-states";
import { formatDateTime } from "@/components/trace/format";
import { AUDIT_ACTIONS, type AuditEventView } from "@/lib/audit/schemas";

// Settings → Audit log: the organization's append-only record, newest first, filtered by action,
// actor and days; "Load more" pages with the API's cursor; the same filters export to CSV.

type Filters = { action: string; actor: string; from: string; to: string };

function query(f: Filters, extra: Record<string, string> = {}) {
  const q = new URLSearchParams(extra);
  if (f.action) q.set("action", f.action);
  if (f.actor.trim()) q.set("actor", f.actor.trim());
  // Days in the reader's time zone, sent as instants.
  if (f.from) q.set("created_gte", new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) q.set("created_lte", new Date(`${f.to}T23:59:59.999`).toISOString());
  return q.toString();
}

function describe(e: AuditEventView) {
  const parts: string[] = [];
  if (e.target) parts.push(`${e.target.type} ${e.target.id}`);
  const change = (v: unknown) =>
    v && typeof v === "object"
      ? Object.entries(v as Record<string, unknown>)
          .map(([k, x]) => `${k}: ${typeof x === "object" ? JSON.stringify(x) : String(x)}`)
          .join(", ")
      : "";
  if (e.before) parts.push(`before ${change(e.before)}`);
  if (e.after) parts.push(`after ${change(e.after)}`);
  return parts.join(" · ");
}

export function AuditPanel() {
  const ids = { action: useId(), actor: useId(), from: useId(), to: useId() };
  const [draft, setDraft] = useState<Filters>({ action: "", actor: "", from: "", to: "" });
  const [filters, setFilters] = useState(draft);
  const events = useInfiniteQuery({
    queryKey: ["settings", "audit", filters],
    initialPageParam: "",
    queryFn: ({ pageParam }) =>
      api<{ data: AuditEventView[]; has_more: boolean }>(`/api/v1/audit-events?${query(filters, pageParam ? { starting_after: pageParam } : {})}`),
    getNextPageParam: (last) => (last.has_more ? last.data.at(-1)?.id : undefined),
  });
  const rows = events.data?.pages.flatMap((p) => p.data) ?? [];
  const set = (k: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft((f) => ({ ...f, [k]: e.target.value }));

  return (
    <Panel
      id="audit"
      title="Audit log"
      description="Who did what, when and from where: sign-ins, keys, members, passwords, scoring rules, pool imports, webhook secrets, share links and redeliveries. Entries can never be changed or deleted."
      actions={
        <a className="text-sm font-medium text-indigo-700 underline" href={`/api/v1/audit-events?${query(filters, { format: "csv" })}`} download>
          Export CSV
        </a>
      }
      flush
    >
      <form
        className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-4"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <div>
          <label htmlFor={ids.action} className="block text-xs font-medium text-slate-700">
            Action
          </label>
          <select id={ids.action} value={draft.action} onChange={set("action")} className={inputClass()}>
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.actor} className="block text-xs font-medium text-slate-700">
            Actor
          </label>
          <input id={ids.actor} value={draft.actor} onChange={set("actor")} placeholder="email or key prefix" className={inputClass()} />
        </div>
        <div>
          <label htmlFor={ids.from} className="block text-xs font-medium text-slate-700">
            From
          </label>
          <input id={ids.from} type="date" value={draft.from} onChange={set("from")} className={inputClass()} />
        </div>
        <div>
          <label htmlFor={ids.to} className="block text-xs font-medium text-slate-700">
            To
          </label>
          <input id={ids.to} type="date" value={draft.to} onChange={set("to")} className={inputClass()} />
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {events.isError ? (
        <LoadError what="the audit log" error={events.error} retry={() => events.refetch()} />
      ) : events.data && rows.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No events">Nothing matches these filters.</EmptyState>
        </div>
      ) : (
        <Table
          caption="Audit events"
          head={
            <tr>
              <th scope="col" className={th}>
                When
              </th>
              <th scope="col" className={th}>
                Action
              </th>
              <th scope="col" className={th}>
                Actor
              </th>
              <th scope="col" className={th}>
                Address
              </th>
              <th scope="col" className={th}>
                Details
              </th>
            </tr>
          }
        >
          {!events.data ? (
            <SkeletonRows cols={5} rows={3} />
          ) : (
            rows.map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <td className={`${td} whitespace-nowrap`}>{formatDateTime(e.created_at)}</td>
                <td className={`${td} font-mono text-xs`}>{e.action}</td>
                <td className={td}>
                  {e.actor.label}
                  <span className="ml-1 text-xs text-slate-600">({e.actor.type.replace("_", " ")})</span>
                </td>
                <td className={`${td} font-mono text-xs`}>{e.client_address ?? "—"}</td>
                <td className={`${td} max-w-md break-words text-xs text-slate-700`}>{describe(e)}</td>
              </tr>
            ))
          )}
        </Table>
      )}
      {events.hasNextPage && (
        <div className="p-4">
          <Button type="button" variant="secondary" disabled={events.isFetchingNextPage} onClick={() => events.fetchNextPage()}>
            {events.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </Panel>
  );
}
