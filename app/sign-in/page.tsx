import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { optionalSession } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/auth/safe-next";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const safeNext = safeNextPath(next);
  if (await optionalSession()) redirect(safeNext);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <p className="mb-2 text-center text-sm font-semibold uppercase tracking-wide text-indigo-700">Nexio</p>
        <h1 className="mb-6 text-center text-2xl font-bold">Sign in to your organization</h1>
        <SignInForm next={safeNext} />
      </div>
    </main>
  );
}
