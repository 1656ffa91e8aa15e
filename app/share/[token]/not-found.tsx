import type { Metadata } from "next";

export const metadata: Metadata = { title: "Link not available", robots: { index: false, follow: false }, referrer: "no-referrer" };

// Unknown, revoked and expired links look the same: the page tells nothing about which.
export default function ShareLinkNotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-3 px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">Nexio</p>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">This link is not available</h1>
      <p className="text-slate-700">It may have expired or been revoked. Ask the person who shared it for a new link.</p>
    </main>
  );
}
