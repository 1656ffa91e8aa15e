"use client";

import { Fragment, useEffect, useState } from "react";
import Link from "next/link";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { api } from "@/components/api";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorNote, Spinner } from "@/components/ui/badges";
import { Panel } from "@/components/settings/panel";
import { Table } from "@/components/settings/table-states";
import { Chevron } from "@/components/trace/chevron";
import { formatDateTime, formatShortDateTime } from "@/components/trace/format";
import type { DeliveryListResponse, WebhookDelivery, WebhookDeliveryList } from "@/lib/webhooks/schemas";
import { usePagedList } from "@/components/ui/paged";

// The organization's deliveries: the server renders the first page, further pages ("Load more")
// and refreshes come from GET /api/v1/webhook-deliveries, which reads the same lib function.
// Attempts load when a row is opened. While an attempt is due within seconds, the list refreshes
// itself.

// Denser than the other settings tables: seven columns in the settings column.
const dth = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const dtd = "px-3 py-2.5 align-top";

const FILTERS = [
  { value: "", label: "All" },
  { value: "failed", label: "Failed" },
  { value: "pending", label: "Pending" },
  { value: "succeeded", label: "Succeeded" },
] as const;

function deliveriesPage(status: string, pageSize: number, startingAfter: string) {
  const q = new URLSearchParams({ limit: String(pageSize) });
  if (status) q.set("status", status);
  if (startingAfter) q.set("starting_after", startingAfter);
  return api<WebhookDeliveryList>(`/api/v1/webhook-deliveries?${q}`);
}

const dueSoon = (deliveries: WebhookDelivery[]) =>
  deliveries.some((d) => d.status === "pending" && (!d.next_attempt_at || Date.parse(d.next_attempt_at) - Date.now() < 30_000));

export function DeliveriesPanel({ first, pageSize, status }: { first: WebhookDeliveryList; pageSize: number; status: string }) {
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const q = useInfiniteQuery({
    queryKey: ["webhook-deliveries", status],
    queryFn: ({ pageParam }) => deliveriesPage(status, pageSize, pageParam),
    initialPageParam: "",
    getNextPageParam: (last) => (last.has_more ? last.data.at(-1)?.id : undefined),
    initialData: { pages: [first], pageParams: [""] },
    refetchInterval: (query) => (dueSoon(query.state.data?.pages.flatMap((p) => p.data) ?? []) ? 2_000 : false),
  });
  const deliveries = q.data.pages.flatMap((p) => p.data);
  const refreshing = q.isRefetching && !q.isFetchingNextPage;
  const refresh = () => void q.refetch();

  return (
    <Panel
      id="deliveries"
      title="Recent deliveries"
      description="The latest webhook deliveries across all jobs. A failed attempt is retried with backoff for about a day; Redeliver sends the result again now, as a new message."
      actions={
        <Button type="button" variant="secondary" onClick={refresh} disabled={refreshing} className="w-28">
          {refreshing ? "Refreshing…" : "Refresh"}
        </Button>
      }
      flush
    >
      <nav aria-label="Filter deliveries by status" className="flex gap-1 border-b border-slate-200 px-4 py-2">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={f.value ? `/settings/webhooks?status=${f.value}` : "/settings/webhooks"}
            aria-current={status === f.value ? "page" : undefined}
            scroll={false}
            className={`rounded-md px-3 py-1 text-sm font-medium ${status === f.value ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {deliveries.length === 0 ? (
        <div className="p-5">
          <EmptyState title={status ? `No ${status} deliveries` : "No webhook deliveries yet"}>
            Jobs submitted with a <code className="font-mono text-xs">webhook_url</code> show their deliveries here.
          </EmptyState>
        </div>
      ) : (
        <Table
          caption="Recent webhook deliveries"
          head={
            <tr>
              <th scope="col" className="w-10 py-2 pl-3">
                <span className="sr-only">Details</span>
              </th>
              <th scope="col" className={dth}>
                Job and endpoint
              </th>
              <th scope="col" className={dth}>
                Status
              </th>
              <th scope="col" className={`${dth} text-right`}>
                Attempts
              </th>
              <th scope="col" className={dth}>
                Last result
              </th>
              <th scope="col" className={dth}>
                Updated
              </th>
              <th scope="col" className={dth}>
                <span className="sr-only">Redeliver</span>
              </th>
            </tr>
          }
        >
          {deliveries.map((d) => (
            <Fragment key={d.id}>
              <tr data-testid="delivery-row" data-delivery-id={d.id}>
                <td className="py-2.5 pl-3 align-top">
                  <button
                    type="button"
                    aria-expanded={!!open[d.id]}
                    aria-controls={`attempts-${d.id}`}
                    onClick={() => setOpen((o) => ({ ...o, [d.id]: !o[d.id] }))}
                    className="rounded-md p-1 hover:bg-slate-100"
                  >
                    <Chevron open={!!open[d.id]} />
                    <span className="sr-only">Attempts of delivery {d.webhook_id}</span>
                  </button>
                </td>
                <td className={`${dtd} max-w-72`}>
                  <Link href={`/traces/${d.eval_id}`} className="font-mono text-xs text-indigo-800 underline-offset-2 hover:underline">
                    {d.eval_id}
                  </Link>
                  {d.manual && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">redelivery</span>}
                  <span className="mt-0.5 block truncate font-mono text-xs text-slate-600" title={d.url}>
                    {endpoint(d.url)}
                  </span>
                </td>
                <td className={dtd}>
                  <DeliveryStatus status={d.status} />
                </td>
                <td className={`${dtd} text-right tabular-nums`}>{d.attempts}</td>
                <td className={`${dtd} max-w-60`}>
                  <LastResult d={d} />
                </td>
                <td className={`${dtd} whitespace-nowrap text-xs text-slate-600`} title={formatDateTime(d.updated_at)}>
                  {formatShortDateTime(d.updated_at)}
                </td>
                <td className={`${dtd} whitespace-nowrap text-right`}>
                  <Redeliver evalId={d.eval_id} onDone={refresh} />
                </td>
              </tr>
              {open[d.id] && (
                <tr id={`attempts-${d.id}`} className="bg-slate-50/70">
                  <td />
                  <td colSpan={6} className="px-3 pb-4 pt-1">
                    <Attempts evalId={d.eval_id} deliveryId={d.id} webhookId={d.webhook_id} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </Table>
      )}
      {q.isError && (
        <div className="px-4 py-3">
          <ErrorNote>Could not load the deliveries: {q.error.message}</ErrorNote>
        </div>
      )}
      {q.hasNextPage && (
        <div className="flex items-center justify-center gap-3 border-t border-slate-200 px-4 py-3">
          <Button type="button" variant="secondary" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
            {q.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </Panel>
  );
}

function Attempts({ evalId, deliveryId, webhookId }: { evalId: string; deliveryId: string; webhookId: string }) {
  // The job's deliveries are paged (oldest first): read pages until this delivery's is found.
  const q = usePagedList<DeliveryListResponse["data"][number]>(["deliveries", evalId], `/api/v1/jobs/${evalId}/deliveries`, { pageSize: 50 });
  const delivery = q.rows?.find((x) => x.id === deliveryId);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = q;
  useEffect(() => {
    if (!delivery && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [delivery, hasNextPage, isFetchingNextPage, fetchNextPage]);
  if (q.isPending || (!delivery && q.hasNextPage)) return <Spinner label="Loading attempts" />;
  if (q.isError) return <ErrorNote>Could not load the attempts: {q.error.message}</ErrorNote>;
  const attempts = delivery?.attempt_log ?? [];
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-600">
        <span className="font-medium text-slate-800">webhook-id</span> <code className="font-mono">{webhookId}</code>
        {delivery?.next_attempt_at && <> · next attempt {formatDateTime(delivery.next_attempt_at)}</>}
      </p>
      {attempts.length === 0 ? (
        <p className="text-sm text-slate-700">No attempt yet.</p>
      ) : (
        <table className="w-full rounded-md border border-slate-200 bg-white text-sm" data-testid="attempts">
          <caption className="sr-only">Attempts of delivery {webhookId}</caption>
          <thead className="border-b border-slate-200 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="w-12 px-3 py-2 text-right">
                #
              </th>
              <th scope="col" className="px-3 py-2">
                Started
              </th>
              <th scope="col" className="px-3 py-2">
                Response
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Latency
              </th>
              <th scope="col" className="px-3 py-2">
                Body excerpt or error
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {attempts.map((a) => (
              <tr key={a.attempt} data-testid="attempt-row">
                <td className="px-3 py-2 text-right tabular-nums">{a.attempt}</td>
                <td className="whitespace-nowrap px-3 py-2 text-xs">{formatDateTime(a.at)}</td>
                <td className="px-3 py-2">
                  <HttpStatus code={a.status_code} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{a.latency_ms} ms</td>
                <td className="px-3 py-2">
                  {a.error && <p className="text-red-800">{a.error}</p>}
                  {a.response_excerpt && (
                    <pre className="max-h-24 overflow-auto whitespace-pre-wrap break-all font-mono text-xs text-slate-700">{a.response_excerpt}</pre>
                  )}
                  {!a.error && !a.response_excerpt && <span className="text-slate-500">empty</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Redeliver({ evalId, onDone }: { evalId: string; onDone: () => void }) {
  const m = useMutation({ mutationFn: () => api(`/api/v1/jobs/${evalId}/deliveries`, { method: "POST" }), onSuccess: onDone });
  return (
    <div className="inline-flex flex-col items-end gap-1">
      <Button
        type="button"
        variant="secondary"
        className="w-24 px-2.5 py-1.5"
        disabled={m.isPending}
        onClick={() => m.mutate()}
        aria-label={`Redeliver ${evalId}`}
      >
        {m.isPending ? "Sending…" : "Redeliver"}
      </Button>
      {m.isError && (
        <span role="alert" className="max-w-48 whitespace-normal text-xs text-red-700">
          {m.error.message}
        </span>
      )}
    </div>
  );
}

function LastResult({ d }: { d: WebhookDelivery }) {
  const a = d.last_attempt;
  if (!a) return <span className="text-slate-500">{d.status === "pending" ? "waiting for the first attempt" : "—"}</span>;
  return (
    <span className="flex min-w-0 items-center gap-2">
      <HttpStatus code={a.status_code} />
      <span className="truncate text-xs text-slate-600" title={d.last_error ?? a.error ?? undefined}>
        {d.status === "succeeded" ? `${a.latency_ms} ms` : (d.last_error ?? a.error ?? `${a.latency_ms} ms`)}
      </span>
    </span>
  );
}

function HttpStatus({ code }: { code: number | null }) {
  if (code === null) return <span className="rounded bg-red-100 px-1.5 py-0.5 font-mono text-xs font-semibold text-red-900">no response</span>;
  const ok = code >= 200 && code < 300;
  return (
    <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${ok ? "bg-emerald-100 text-emerald-900" : "bg-red-100 text-red-900"}`}>
      {code}
    </span>
  );
}

function DeliveryStatus({ status }: { status: WebhookDelivery["status"] }) {
  const style = { pending: "bg-sky-100 text-sky-900", succeeded: "bg-emerald-100 text-emerald-900", failed: "bg-red-100 text-red-900" }[status];
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${style}`}>{status}</span>;
}

/** host + path, without the scheme: what people recognise. */
function endpoint(url: string) {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return url;
  }
}
