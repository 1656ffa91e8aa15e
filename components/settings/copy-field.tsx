"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A secret or link shown once: read-only, selected on focus, with a Copy button. Clipboard
 * access can be refused (insecure origin, permissions); then the text is left selected so
 * Ctrl+C still works, and the button says so.
 */
export function CopyField({ label, value, hint, wrap = false }: { label: string; value: string; hint?: string; wrap?: boolean }) {
  const id = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");

  async function copy() {
    ref.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState(document.execCommand?.("copy") ? "copied" : "manual");
    }
  }

  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className={`mt-1 flex gap-2 ${wrap ? "flex-col items-start" : ""}`}>
        {wrap ? (
          // A link in a narrow column: shown whole, wrapped, rather than scrolled out of sight.
          <textarea
            id={id}
            ref={ref}
            readOnly
            rows={2}
            value={value}
            onFocus={(e) => e.currentTarget.select()}
            spellCheck={false}
            className="w-full resize-none break-all rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900"
          />
        ) : (
          <input
            id={id}
            ref={ref}
            readOnly
            value={value}
            onFocus={(e) => e.currentTarget.select()}
            spellCheck={false}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
          />
        )}
        <Button type="button" variant="secondary" onClick={copy} className="w-24 shrink-0">
          {state === "copied" ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="mt-1 text-xs text-slate-600" aria-live="polite">
        {state === "manual" ? "Copying was blocked by the browser: the text is selected, press Ctrl+C (⌘C)." : hint}
      </p>
    </div>
  );
}
