import type { ReactNode } from "react";

/** A settings section: a titled card whose body can run edge to edge (tables) or be padded (forms). */
export function Panel({
  title,
  description,
  actions,
  children,
  flush = false,
  id,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  flush?: boolean;
  id?: string;
}) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section aria-labelledby={headingId} className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-col gap-3 border-b border-slate-200 px-5 py-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description && <div className="mt-1 max-w-2xl text-sm text-slate-600">{description}</div>}
        </div>
        {actions && <div className="shrink-0">{actions}</div>}
      </header>
      <div className={flush ? "" : "p-5"}>{children}</div>
    </section>
  );
}

/** A text field with its label, hint and error wired for screen readers. */
export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export const inputClass = (invalid?: boolean) =>
  `w-full rounded-md border px-3 py-2 text-sm ${invalid ? "border-red-500 bg-red-50/40" : "border-slate-300 bg-white"}`;

/** zod issues or API error details → the first message per top-level field. */
export function fieldErrors(details: { path: string | PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details) {
    const key = String(Array.isArray(d.path) ? (d.path[0] ?? "") : d.path.split(".")[0]);
    out[key] ??= d.message.replace(/^Invalid value for [\w.]+: /, "").replace(/^Missing required field: .*/, "is required");
  }
  return out;
}
