import Link from "next/link";
import { redirect } from "next/navigation";
import { optionalSession } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function Home() {
  if (await optionalSession()) redirect("/jobs");
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-6 px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">Nexio</p>
      <h1 className="text-4xl font-bold tracking-tight">Which carriers will write this risk, and why.</h1>
      <p className="text-lg text-slate-700">
        Describe a business, pick a pool of carriers, and Nexio removes the ones that cannot write it, scores the rest on six dimensions and ranks them into fit
        tiers, with the evidence for every decision.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/sign-in" className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800">
          Sign in
        </Link>
        <Link href="/docs/api" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          API reference
        </Link>
      </div>
    </main>
  );
}
