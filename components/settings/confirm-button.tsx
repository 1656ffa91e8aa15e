"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * A destructive action in two steps, inline (no modal): the first click asks, the second does.
 * Focus moves to the confirming button; Escape or Cancel steps back and returns focus.
 */
export function ConfirmButton({
  label,
  confirmLabel,
  question,
  onConfirm,
  pending = false,
  accessibleName,
}: {
  label: string;
  confirmLabel: string;
  question?: ReactNode;
  onConfirm: () => void;
  pending?: boolean;
  accessibleName?: string;
}) {
  const [asking, setAsking] = useState(false);
  // Set when stepping back to the single button; read once `asking` is false and it is rendered.
  const returnFocus = useRef(false);
  const wrapper = useRef<HTMLSpanElement>(null);

  // When the confirmed action finishes, step back to the single button (and focus it).
  const wasPending = useRef(pending);
  useEffect(() => {
    if (wasPending.current && !pending && asking) {
      returnFocus.current = true;
      setAsking(false);
    }
    wasPending.current = pending;
  }, [pending, asking]);

  useEffect(() => {
    if (!asking && returnFocus.current) {
      returnFocus.current = false;
      wrapper.current?.querySelector("button")?.focus();
    }
  }, [asking]);

  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };

  return (
    <span ref={wrapper} className="inline-flex flex-wrap items-center justify-end gap-2" onKeyDown={(e) => asking && e.key === "Escape" && cancel()}>
      {!asking ? (
        <Button type="button" variant="danger" onClick={() => setAsking(true)} aria-label={accessibleName} className="px-2.5 py-1.5">
          {label}
        </Button>
      ) : (
        <>
          {question && <span className="text-sm text-slate-700">{question}</span>}
          <Button type="button" variant="danger" onClick={onConfirm} disabled={pending} autoFocus className="px-2.5 py-1.5">
            {pending ? "Working…" : confirmLabel}
          </Button>
          <Button type="button" variant="ghost" onClick={cancel} disabled={pending} className="px-2.5 py-1.5">
            Cancel
          </Button>
        </>
      )}
    </span>
  );
}
