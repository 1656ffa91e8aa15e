"use client";

import { useEffect, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/components/api";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ConfidenceBadge, ErrorNote, LEVEL_MEANING, Spinner, TierBadge } from "@/components/ui/badges";
import { DIMENSION_LABEL, DIMENSIONS, type Dimension, type Row } from "./model";
import { Evidence } from "./evidence";
import { LEVEL_CHIP } from "./level-chip";

interface TraceEvidence {
  scored: { id: string; evidence?: Partial<Record<Dimension, { evidence?: unknown }>> }[];
}

/** The audit trace's evidence per candidate and dimension; fetched once, only when someone compares. */
function useEvidence(evalId: string) {
  return useQuery({
    queryKey: ["trace", evalId],
    queryFn: async () => {
      const trace = await api<TraceEvidence>(`/api/traces/${encodeURIComponent(evalId)}`);
      return new Map(trace.scored.map((s) => [s.id, s.evidence ?? {}]));
    },
    staleTime: Infinity,
  });
}

/** Side by side: the six dimensions as rows, the 2–4 picked candidates as columns, with evidence. */
export function CompareDialog({
  evalId,
  candidates,
  onClose,
  returnFocusTo,
}: {
  evalId: string;
  candidates: Row[];
  onClose: () => void;
  returnFocusTo: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const evidence = useEvidence(evalId);

  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) {
      dialog.showModal();
      // showModal focuses the first control (Copy link); Close is where keyboard users expect to start.
      closeRef.current?.focus();
    }
    const closed = () => {
      // The dialog gives focus back to what opened it; opened from a link, nothing did.
      const back = document.activeElement;
      if (!back || back === document.body || dialog.contains(back)) document.getElementById(returnFocusTo)?.focus();
      onClose();
    };
    dialog.addEventListener("close", closed);
    return () => dialog.removeEventListener("close", closed);
  }, [onClose, returnFocusTo]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="compare-h"
      className="m-auto max-h-[90vh] w-[min(1200px,95vw)] overflow-auto rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      data-testid="compare-dialog"
    >
      <div className="sticky top-0 z-10 flex items-center justify-between border-b border-slate-200 bg-white px-5 py-3">
        <h2 id="compare-h" className="text-lg font-semibold">
          Compare {candidates.length} candidates
        </h2>
        <div className="flex items-center gap-2">
          {/* The address names these candidates (?compare=…), so it opens this comparison for a colleague. */}
          <CopyButton label="Copy link" text={() => window.location.href} />
          <Button ref={closeRef} variant="secondary" onClick={() => ref.current?.close()}>
            Close
          </Button>
        </div>
      </div>
      <div className="p-5">
        {evidence.isError && (
          <div className="mb-4">
            <ErrorNote>Evidence could not be loaded: {evidence.error.message}. Levels are shown without it.</ErrorNote>
          </div>
        )}
        <table className="w-full table-fixed border-collapse text-sm" data-testid="compare-table">
          <caption className="sr-only">Dimensions of the selected candidates, with the evidence for each level</caption>
          <colgroup>
            <col className="w-36" />
            {candidates.map((c) => (
              <col key={c.id} />
            ))}
          </colgroup>
          <thead>
            <tr className="border-b border-slate-200">
              <td className="p-2" />
              {candidates.map((c) => (
                <th key={c.id} scope="col" className="p-2 text-left align-top" data-testid="compare-column">
                  <span className="block text-base font-semibold">{c.name}</span>
                  <span className="mt-1 flex flex-wrap items-center gap-2 font-normal">
                    <span className="text-xs text-slate-500">#{c.rank}</span>
                    <TierBadge tier={c.tier} />
                    <ConfidenceBadge confidence={c.confidence} />
                    <span className="text-xs text-slate-700">
                      score <span className="font-semibold tabular-nums">{c.score}</span>
                    </span>
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DIMENSIONS.map((d) => (
              <tr key={d} className="border-b border-slate-100" data-testid="compare-row">
                <th scope="row" className="p-2 text-left align-top font-semibold">
                  {DIMENSION_LABEL[d]}
                </th>
                {candidates.map((c) => (
                  <td key={c.id} className="p-2 align-top">
                    <span className={LEVEL_CHIP[c.scores[d]]}>{c.scores[d]}</span>
                    <span className="ml-2 text-xs text-slate-600">{LEVEL_MEANING[c.scores[d]]}</span>
                    <div className="mt-1.5 text-xs leading-relaxed text-slate-700">
                      {evidence.isPending ? <Spinner label="Loading evidence" /> : <Evidence value={evidence.data?.get(c.id)?.[d]?.evidence} />}
                    </div>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </dialog>
  );
}
