"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Copies text chosen at the moment of the click (e.g. the page's current address). The label says
 * what happened, in a fixed width so the header around it does not move; a screen reader hears it.
 */
export function CopyButton({ label, text, className = "" }: { label: string; text: () => string; className?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(t);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text());
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <>
      <Button type="button" variant="secondary" onClick={copy} className={`w-28 ${className}`}>
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}
      </Button>
      <span role="status" className="sr-only">
        {state === "copied" ? "Copied to the clipboard" : state === "failed" ? "The browser blocked copying: copy the address bar instead." : ""}
      </span>
    </>
  );
}
