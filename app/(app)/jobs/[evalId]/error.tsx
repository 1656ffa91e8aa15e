"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

export default function JobError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <div role="alert" className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-bold tracking-tight">This evaluation could not be shown</h1>
      <p className="mt-3 text-slate-600">
        Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. Your evaluation is not affected.
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
