"use client";

import { useEffect } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

// Any signed-in page that fails to render: the navigation stays, the person can retry or go on.
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <div role="alert" className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-bold tracking-tight">This page could not be shown</h1>
      <p className="mt-3 text-slate-600">
        Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. Nothing you saved is affected.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <Link href="/jobs" className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium text-indigo-700 hover:bg-slate-100">
          Go to History
        </Link>
      </div>
    </div>
  );
}
