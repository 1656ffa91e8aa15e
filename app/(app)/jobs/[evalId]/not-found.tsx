import Link from "next/link";

export default function JobNotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Evaluation not found</h1>
      <p className="mt-3 text-slate-600">
        There is no evaluation with this id in your organization. It may belong to another organization, or the link may be mistyped.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <Link href="/jobs" className="rounded-md bg-indigo-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-800">
          Go to history
        </Link>
        <Link href="/jobs/new" className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          New evaluation
        </Link>
      </div>
    </div>
  );
}
