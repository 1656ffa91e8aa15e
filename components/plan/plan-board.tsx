"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { PlanEntryView, PlanEventBody, PlanView } from "@/lib/plan/schemas";
import { DECLINE_REASONS, PLAN_STATUSES, type DeclineReason, type PlanStatus } from "@/lib/plan/machine";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorNote, Spinner } from "@/components/ui/badges";
import { formatMoney } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { ApiRequestError } from "@/components/api";
import { usePlan, usePlanEvent, usePutPlan } from "./use-plan";
import { BindForm } from "./bind-form";
import { REASON_LABEL, SL_EXEMPTION_LABEL, STATUS_LABEL } from "./labels";

// The Plan tab: one column per status, a card per planned carrier with the actions its status
// allows (the API's allowed_next). Keyboard: Tab to a card, ←/→/↑/↓ move between cards, and
// S submit, Q record quote, D record declination, N no response, B bind, W withdraw, E edit who and
// when. A quoted or bound carrier can be marked as the recommended market (marketing summary). Bind
// on a surplus-lines carrier whose diligent search is not met says why it is blocked and offers the
// exemptions (exempt commercial purchaser, export list) instead; the API refuses it without one.

const ACTION: Record<PlanStatus, { label: string; key: string }> = {
  planned: { label: "", key: "" },
  submitted: { label: "Submit", key: "s" },
  quoted: { label: "Record quote", key: "q" },
  declined: { label: "Record declination", key: "d" },
  no_response: { label: "No response", key: "n" },
  bound: { label: "Bind", key: "b" },
  withdrawn: { label: "Withdraw", key: "w" },
};

type Form = { carrierId: string; kind: "quoted" | "declined" | "edit" | "bind" } | null;

/** The PUT body that keeps the plan as it is, with `change` applied (who, when, the recommended mark). */
function planBody(plan: PlanView, change: { carrierId?: string; responsible?: string | null; target_date?: string | null; recommended?: string | null }) {
  return {
    entries: plan.entries.map((e) =>
      e.carrier_id === change.carrierId
        ? { carrier_id: e.carrier_id, responsible: change.responsible, target_date: change.target_date }
        : { carrier_id: e.carrier_id },
    ),
    ...(change.recommended !== undefined ? { recommended: change.recommended } : {}),
  };
}

/** The Save / Cancel pair that ends both of the board's inline forms. */
function SaveCancel({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  return (
    <div className="flex gap-2">
      <Button type="submit" disabled={busy} className="px-2.5 py-1">
        Save
      </Button>
      <Button type="button" variant="ghost" onClick={onCancel} className="px-2.5 py-1">
        Cancel
      </Button>
    </div>
  );
}

function EditForm({
  entry,
  onSave,
  onCancel,
  busy,
}: {
  entry: PlanEntryView;
  onSave: (responsible: string | null, targetDate: string | null) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const field = "mt-0.5 block w-full rounded border border-slate-300 px-2 py-1 text-sm";
  return (
    <form
      className="mt-2 space-y-2 rounded border border-slate-200 bg-slate-50 p-2"
      aria-label={`Who and when for ${entry.carrier_name}`}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Escape") onCancel();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const text = (k: string) => String(f.get(k) ?? "").trim() || null;
        onSave(text("responsible"), text("target_date"));
      }}
    >
      <label className="block text-xs font-medium text-slate-700">
        Responsible
        <input ref={first} name="responsible" type="text" maxLength={200} defaultValue={entry.responsible ?? ""} className={field} />
      </label>
      <label className="block text-xs font-medium text-slate-700">
        Target date
        <input name="target_date" type="date" defaultValue={entry.target_date ?? ""} className={field} />
      </label>
      <SaveCancel busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** The exemption a surplus-lines carrier was bound under, if any. */
const boundExemption = (entry: PlanEntryView) => entry.events.find((e) => e.to === "bound" && e.sl_exemption)?.sl_exemption ?? null;

function Latest({ entry }: { entry: PlanEntryView }) {
  const quote = [...entry.events].reverse().find((e) => e.quote)?.quote;
  const decl = [...entry.events].reverse().find((e) => e.declination)?.declination;
  if (entry.status === "quoted" || entry.status === "bound") {
    return quote ? (
      <p className="text-xs text-slate-700" data-testid="quote">
        {formatMoney(quote.premium)} premium{quote.limit !== null && <> · limit {formatMoney(quote.limit)}</>}
        {quote.retention !== null && <> · retention {formatMoney(quote.retention)}</>}
        {quote.expiry && <> · expires {quote.expiry}</>}
      </p>
    ) : null;
  }
  if (entry.status === "declined" && decl) {
    return (
      <p className="text-xs text-slate-700" data-testid="declination">
        {REASON_LABEL[decl.reason]}
        {decl.text && <>: {decl.text}</>}
      </p>
    );
  }
  return null;
}

function EventForm({
  entry,
  kind,
  onDone,
  onCancel,
  busy,
}: {
  entry: PlanEntryView;
  kind: "quoted" | "declined";
  onDone: (b: PlanEventBody) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const first = useRef<HTMLInputElement & HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const num = (v: FormDataEntryValue | null) => (v === null || v === "" ? undefined : Number(v));
  const str = (v: FormDataEntryValue | null) => (v === null || v === "" ? undefined : String(v));
  const field = "mt-0.5 block w-full rounded border border-slate-300 px-2 py-1 text-sm";
  return (
    <form
      className="mt-2 space-y-2 rounded border border-slate-200 bg-slate-50 p-2"
      aria-label={`${kind === "quoted" ? "Quote" : "Declination"} from ${entry.carrier_name}`}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Escape") onCancel();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        if (kind === "quoted")
          onDone({
            status: "quoted",
            premium: num(f.get("premium"))!,
            limit: num(f.get("limit")),
            retention: num(f.get("retention")),
            expiry: str(f.get("expiry")),
            note: str(f.get("note")),
          });
        else onDone({ status: "declined", reason: String(f.get("reason")) as DeclineReason, reason_text: str(f.get("reason_text")) });
      }}
    >
      {kind === "quoted" ? (
        <>
          <label className="block text-xs font-medium text-slate-700">
            Premium (USD)
            <input ref={first} name="premium" type="number" min="0" step="any" required className={field} />
          </label>
          <label className="block text-xs font-medium text-slate-700">
            Limit (USD)
            <input name="limit" type="number" min="0" step="any" className={field} />
          </label>
          <label className="block text-xs font-medium text-slate-700">
            Retention (USD)
            <input name="retention" type="number" min="0" step="any" className={field} />
          </label>
          <label className="block text-xs font-medium text-slate-700">
            Quote expires
            <input name="expiry" type="date" className={field} />
          </label>
          <label className="block text-xs font-medium text-slate-700">
            Note
            <input name="note" type="text" className={field} />
          </label>
        </>
      ) : (
        <>
          <label className="block text-xs font-medium text-slate-700">
            Reason
            <select ref={first} name="reason" required className={field} defaultValue="">
              <option value="" disabled>
                Choose…
              </option>
              {DECLINE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {REASON_LABEL[r]}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-xs font-medium text-slate-700">
            Details
            <input name="reason_text" type="text" className={field} />
          </label>
        </>
      )}
      <SaveCancel busy={busy} onCancel={onCancel} />
    </form>
  );
}

export function PlanBoard({ evalId }: { evalId: string }) {
  const plan = usePlan(evalId);
  const record = usePlanEvent(evalId);
  const put = usePutPlan(evalId);
  const [form, setForm] = useState<Form>(null);
  const [message, setMessage] = useState("");
  const cards = useRef(new Map<string, HTMLElement>());
  // After a change the card moves to another column (a new element): focus follows it there.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    const el = cards.current.get(focusId);
    if (el) {
      el.focus();
      setFocusId(null);
    }
  }, [focusId, plan.data]);

  if (plan.isPending) return <Spinner label="Loading the plan…" />;
  if (plan.isError) return <ErrorNote>The plan could not be loaded: {plan.error.message}</ErrorNote>;
  const data: PlanView = plan.data;

  const bindBlocked = (entry: PlanEntryView) => entry.market === "surplus_lines" && data.diligent_search !== null && !data.diligent_search.cleared;

  const act = (entry: PlanEntryView, to: PlanStatus, body?: PlanEventBody) => {
    if (!entry.allowed_next.includes(to)) return;
    if (!body && (to === "quoted" || to === "declined")) return setForm({ carrierId: entry.carrier_id, kind: to });
    if (!body && to === "bound" && bindBlocked(entry)) return setForm({ carrierId: entry.carrier_id, kind: "bind" });
    record.mutate(
      { carrierId: entry.carrier_id, body: body ?? ({ status: to } as PlanEventBody) },
      {
        onSuccess: () => {
          setForm(null);
          setMessage(`${entry.carrier_name}: ${STATUS_LABEL[to]}`);
          setFocusId(entry.carrier_id);
        },
        onError: (e) => setMessage(e instanceof ApiRequestError ? e.message : String(e)),
      },
    );
  };

  const update = (entry: PlanEntryView, change: Parameters<typeof planBody>[1], done: string) =>
    put.mutate(planBody(data, change), {
      onSuccess: () => {
        setForm(null);
        setMessage(done);
        setFocusId(entry.carrier_id);
      },
      onError: (e) => setMessage(e instanceof ApiRequestError ? e.message : String(e)),
    });

  const columns = PLAN_STATUSES.map((s) => ({ status: s, entries: data.entries.filter((e) => e.status === s) }));
  const order = columns.flatMap((c) => c.entries.map((e) => e.carrier_id));

  const onCardKey = (e: KeyboardEvent<HTMLElement>, entry: PlanEntryView) => {
    if (e.target !== e.currentTarget || e.metaKey || e.ctrlKey || e.altKey) return;
    const i = order.indexOf(entry.carrier_id);
    const move = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    if (move) {
      e.preventDefault();
      cards.current.get(order[(i + move + order.length) % order.length])?.focus();
      return;
    }
    if (e.key.toLowerCase() === "e") {
      e.preventDefault();
      setForm({ carrierId: entry.carrier_id, kind: "edit" });
      return;
    }
    const to = (Object.keys(ACTION) as PlanStatus[]).find((s) => ACTION[s].key === e.key.toLowerCase());
    if (to && entry.allowed_next.includes(to)) {
      e.preventDefault();
      act(entry, to);
    }
  };

  return (
    <div className="space-y-4" data-testid="plan-board">
      {data.diligent_search && (
        <section
          aria-labelledby="ds-h"
          className={`rounded-lg border p-4 ${data.diligent_search.cleared ? "border-emerald-300 bg-emerald-50" : "border-amber-300 bg-amber-50"}`}
          data-testid="diligent-search"
        >
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div>
              <h3 id="ds-h" className="font-semibold text-slate-900">
                Diligent search ({data.diligent_search.state})
              </h3>
              <p className="text-sm text-slate-800">
                {data.diligent_search.state} requires {data.diligent_search.required} admitted declination{data.diligent_search.required === 1 ? "" : "s"}{" "}
                before a surplus-lines placement:{" "}
                <strong data-testid="ds-count">
                  {data.diligent_search.recorded} of {data.diligent_search.required} recorded
                </strong>
                {data.diligent_search.cleared ? " — surplus-lines carriers are cleared." : "."}
              </p>
              {data.diligent_search.exemptions.length > 0 && (
                <p className="text-sm text-slate-800" data-testid="ds-exemptions">
                  Bound under an exemption instead:{" "}
                  {data.diligent_search.exemptions.map((x) => `${x.carrier_name} (${SL_EXEMPTION_LABEL[x.exemption].toLowerCase()})`).join(", ")}.
                </p>
              )}
            </div>
            <Link
              href={`/jobs/${evalId}/diligent-search`}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Diligent-search record
            </Link>
          </div>
        </section>
      )}
      <p className="sr-only" aria-live="polite" data-testid="plan-message">
        {message}
      </p>
      {record.isError && <ErrorNote>{record.error.message}</ErrorNote>}
      {put.isError && <ErrorNote>{put.error.message}</ErrorNote>}
      {data.entries.length > 0 && (
        <p className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <span className="text-slate-700">
            {data.entries.some((e) => e.status === "quoted" || e.status === "bound")
              ? "Mark the quote you recommend; the marketing summary explains it to the client."
              : "The marketing summary lists the markets approached, their answers and the quotes."}
          </span>
          <Link
            href={`/jobs/${evalId}/summary`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Marketing summary
          </Link>
        </p>
      )}
      {data.entries.length === 0 ? (
        <EmptyState title="No carriers in the plan yet">Tick candidates on the Results tab and choose “Add to plan”.</EmptyState>
      ) : (
        <>
          <p className="text-xs text-slate-600">
            Keyboard: Tab to a carrier, arrows move between carriers; <kbd>S</kbd> submit, <kbd>Q</kbd> quote, <kbd>D</kbd> declination, <kbd>N</kbd> no
            response, <kbd>B</kbd> bind, <kbd>W</kbd> withdraw, <kbd>E</kbd> edit who and when.
          </p>
          <div className="grid gap-3 md:grid-cols-4 xl:grid-cols-7">
            {columns.map((col) => (
              <section
                key={col.status}
                aria-labelledby={`col-${col.status}`}
                className="min-h-32 rounded-lg border border-slate-200 bg-slate-50 p-2"
                data-testid={`column-${col.status}`}
              >
                <h3 id={`col-${col.status}`} className="mb-2 flex justify-between px-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
                  {STATUS_LABEL[col.status]} <span className="tabular-nums">{col.entries.length}</span>
                </h3>
                <ul className="space-y-2">
                  {col.entries.map((entry) => (
                    <li
                      key={entry.carrier_id}
                      ref={(el) => {
                        if (!el) return;
                        cards.current.set(entry.carrier_id, el);
                        return () => {
                          if (cards.current.get(entry.carrier_id) === el) cards.current.delete(entry.carrier_id);
                        };
                      }}
                      tabIndex={0}
                      aria-label={`${entry.carrier_name}, ${STATUS_LABEL[entry.status]}`}
                      onKeyDown={(e) => onCardKey(e, entry)}
                      className="rounded-md border border-slate-200 bg-white p-2 shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600"
                      data-testid="plan-card"
                      data-carrier={entry.carrier_id}
                    >
                      <p className="text-sm font-medium text-slate-900">{entry.carrier_name}</p>
                      <p className="mt-0.5 flex flex-wrap gap-1 text-xs">
                        {entry.market && (
                          <span
                            className={`rounded px-1.5 py-0.5 ${entry.market === "surplus_lines" ? "bg-violet-100 text-violet-900" : "bg-slate-100 text-slate-800"}`}
                          >
                            {entry.market === "surplus_lines" ? "Surplus lines" : "Admitted"}
                          </span>
                        )}
                        {entry.sl_cleared !== null &&
                          (boundExemption(entry) ? (
                            <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-900" data-testid="sl-exemption">
                              Exempt: {SL_EXEMPTION_LABEL[boundExemption(entry)!].toLowerCase()}
                            </span>
                          ) : (
                            <span
                              className={`rounded px-1.5 py-0.5 ${entry.sl_cleared ? "bg-emerald-100 text-emerald-900" : "bg-amber-100 text-amber-900"}`}
                              data-testid="sl-cleared"
                            >
                              {entry.sl_cleared ? "Cleared for SL" : "Not yet cleared"}
                            </span>
                          ))}
                        {entry.recommended && (
                          <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-900" data-testid="recommended">
                            Recommended
                          </span>
                        )}
                      </p>
                      {(entry.responsible || entry.target_date) && (
                        <p className="mt-1 text-xs text-slate-600">
                          {entry.responsible}
                          {entry.responsible && entry.target_date && " · "}
                          {entry.target_date && <>due {entry.target_date}</>}
                        </p>
                      )}
                      <Latest entry={entry} />
                      <p className="mt-1 text-[11px] text-slate-600 [overflow-wrap:anywhere]">
                        {entry.events.at(-1)!.actor.replace(/^(user|key):/, "")} · <LocalTime iso={entry.updated_at} />
                      </p>
                      {form?.carrierId === entry.carrier_id && form.kind === "edit" ? (
                        <EditForm
                          entry={entry}
                          busy={put.isPending}
                          onSave={(responsible, target_date) =>
                            update(entry, { carrierId: entry.carrier_id, responsible, target_date }, `${entry.carrier_name}: saved`)
                          }
                          onCancel={() => {
                            setForm(null);
                            setFocusId(entry.carrier_id);
                          }}
                        />
                      ) : form?.carrierId === entry.carrier_id && form.kind === "bind" && data.diligent_search ? (
                        <BindForm
                          entry={entry}
                          search={data.diligent_search}
                          busy={record.isPending}
                          onBind={(sl_exemption) => act(entry, "bound", { status: "bound", sl_exemption })}
                          onCancel={() => {
                            setForm(null);
                            setFocusId(entry.carrier_id);
                          }}
                        />
                      ) : form?.carrierId === entry.carrier_id && (form.kind === "quoted" || form.kind === "declined") ? (
                        <EventForm
                          entry={entry}
                          kind={form.kind}
                          busy={record.isPending}
                          onDone={(b) => act(entry, b.status, b)}
                          onCancel={() => {
                            setForm(null);
                            setFocusId(entry.carrier_id);
                          }}
                        />
                      ) : (
                        <div className="mt-2 flex flex-wrap gap-1">
                          {entry.allowed_next.map((to) => (
                            <button
                              key={to}
                              type="button"
                              disabled={record.isPending}
                              onClick={() => act(entry, to)}
                              aria-keyshortcuts={ACTION[to].key.toUpperCase()}
                              aria-label={`${ACTION[to].label}: ${entry.carrier_name}`}
                              className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-100 disabled:text-slate-400"
                            >
                              {ACTION[to].label}
                            </button>
                          ))}
                          {(entry.status === "quoted" || entry.status === "bound") && (
                            <button
                              type="button"
                              disabled={put.isPending}
                              aria-pressed={entry.recommended}
                              onClick={() =>
                                update(
                                  entry,
                                  { recommended: entry.recommended ? null : entry.carrier_id },
                                  entry.recommended ? `${entry.carrier_name}: no longer recommended` : `${entry.carrier_name}: recommended`,
                                )
                              }
                              aria-label={`Recommend: ${entry.carrier_name}`}
                              className={`rounded border px-1.5 py-0.5 text-xs font-medium disabled:text-slate-400 ${entry.recommended ? "border-emerald-400 bg-emerald-50 text-emerald-900" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
                            >
                              {entry.recommended ? "Recommended ✓" : "Recommend"}
                            </button>
                          )}
                          <button
                            type="button"
                            onClick={() => setForm({ carrierId: entry.carrier_id, kind: "edit" })}
                            aria-keyshortcuts="E"
                            aria-label={`Edit who and when: ${entry.carrier_name}`}
                            className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-100"
                          >
                            Edit
                          </button>
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
