"use client";

import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { SavedView } from "@/lib/saved-views/schemas";

type Page = SavedView["page"];

/**
 * Named filters of one page, per person: pick one to apply it, save the current filters under a
 * name, copy a view's link for a colleague (anyone in the organization can open it), delete.
 */
export function SavedViews({ page, query, evalId, onApply }: { page: Page; query: string; evalId?: string; onApply: (query: string) => void }) {
  const qc = useQueryClient();
  const selectId = useId();
  const nameId = useId();
  const key = ["saved-views", page];
  const views = useQuery({ queryKey: key, queryFn: () => api<{ data: SavedView[] }>(`/api/v1/saved-views?page=${page}`) });
  const [picked, setPicked] = useState("");
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const save = useMutation({
    mutationFn: () =>
      api<SavedView>("/api/v1/saved-views", {
        method: "POST",
        body: JSON.stringify({ page, name: name.trim(), query, ...(evalId ? { eval_id: evalId } : {}) }),
      }),
    onSuccess: (v) => {
      setNaming(false);
      setName("");
      setPicked(v.id);
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/v1/saved-views/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      setPicked("");
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const current = views.data?.data.find((v) => v.id === picked);

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="saved-views">
      <label htmlFor={selectId} className="text-sm font-medium text-slate-700">
        Saved views
      </label>
      <select
        id={selectId}
        value={picked}
        onChange={(e) => {
          setPicked(e.target.value);
          const v = views.data?.data.find((x) => x.id === e.target.value);
          if (v) onApply(v.query);
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        <option value="">{views.data?.data.length ? "Choose a view…" : "None saved yet"}</option>
        {views.data?.data.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      {current && (
        <>
          <CopyButton text={current.url} label="Copy link" />
          <Button variant="ghost" onClick={() => remove.mutate(current.id)} disabled={remove.isPending}>
            Delete
          </Button>
        </>
      )}
      {naming ? (
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) save.mutate();
          }}
        >
          <label htmlFor={nameId} className="sr-only">
            View name
          </label>
          <input
            id={nameId}
            autoFocus
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            placeholder="Name this view"
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
          <Button type="submit" disabled={!name.trim() || save.isPending}>
            Save
          </Button>
          <Button type="button" variant="ghost" onClick={() => setNaming(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <Button variant="secondary" onClick={() => setNaming(true)}>
          Save view
        </Button>
      )}
      {save.isError && (
        <p role="alert" className="text-sm text-red-800">
          Could not save: {save.error.message}
        </p>
      )}
    </div>
  );
}

/** When a page was opened from a saved view's link (`?view=…`): whose view it is. */
export function SavedViewNote({ id }: { id: string | null }) {
  const view = useQuery({
    queryKey: ["saved-view", id],
    queryFn: () => api<SavedView>(`/api/v1/saved-views/${encodeURIComponent(id!)}`),
    enabled: !!id,
    retry: false,
    staleTime: Infinity,
  });
  if (!id || !view.data) return null;
  return (
    <p data-testid="saved-view-note" className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-950 ring-1 ring-inset ring-indigo-200">
      Saved view <strong>{view.data.name}</strong>
      {view.data.mine ? "" : ` shared by ${view.data.owner}`}
    </p>
  );
}
