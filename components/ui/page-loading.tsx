/** What a page shows while its server part waits (loading.tsx): announced once, shaped like a page. */
export function PageLoading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="h-8 w-64 rounded bg-slate-200" />
      <div aria-hidden="true" className="h-4 w-96 max-w-full rounded bg-slate-200" />
      <div aria-hidden="true" className="h-64 rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
