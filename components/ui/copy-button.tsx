"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

/**
 * Copies `text` (or, given a function, text chosen at the moment of the click, e.g. the page's
 * current address). The label says what happened, in a fixed width so the header around it does
 * not move; a screen reader hears it. `onDark` for a button on a dark code block.
 */
export function CopyButton({
  label,
  text,
  className = "",
  onDark = false,
}: {
  label: string;
  text: string | (() => string);
  className?: string;
  onDark?: boolean;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(t);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(typeof text === "function" ? text() : text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  const shown = state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label;
  return (
    <>
      {onDark ? (
        <button
          type="button"
          onClick={copy}
          className={cn("rounded px-2 py-1 text-xs font-medium text-slate-100 ring-1 ring-slate-500 hover:bg-slate-700", className)}
        >
          {shown}
        </button>
      ) : (
        <Button type="button" variant="secondary" onClick={copy} className={cn("w-28", className)}>
          {shown}
        </Button>
      )}
      <span role="status" className="sr-only">
        {state === "copied" ? "Copied to the clipboard" : state === "failed" ? "The browser blocked copying: copy the address bar instead." : ""}
      </span>
    </>
  );
}
