// HTTP methods always look the same on the reference page (dark text on light: readable at any size).
const STYLE: Record<string, string> = {
  GET: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  POST: "bg-indigo-100 text-indigo-900 ring-indigo-300",
  PUT: "bg-amber-100 text-amber-900 ring-amber-300",
  PATCH: "bg-amber-100 text-amber-900 ring-amber-300",
  DELETE: "bg-red-100 text-red-900 ring-red-300",
};

export function MethodBadge({ method, small = false }: { method: string; small?: boolean }) {
  return (
    <span
      className={`inline-flex justify-center rounded font-mono font-bold ring-1 ring-inset ${small ? "w-12 px-1 py-0.5 text-[11px]" : "px-2 py-0.5 text-xs"} ${STYLE[method] ?? "bg-slate-100 text-slate-900 ring-slate-300"}`}
    >
      {method}
    </span>
  );
}
