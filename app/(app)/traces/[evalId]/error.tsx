"use client";

import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/badges";

export default function TraceError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Audit trace</h1>
      <ErrorNote>The trace could not be loaded. Please try again; if it keeps failing, contact support.</ErrorNote>
      <Button type="button" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
