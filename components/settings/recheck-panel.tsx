"use client";

import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api";
import { Button } from "@/components/ui/button";
import { Field, Panel, inputClass } from "@/components/settings/panel";
import { RecheckSettings } from "@/lib/recheck/schemas";

/** How far back Nexio re-checks past results when a pool gets a new version or the rules change. */
export function RecheckPanel() {
  const qc = useQueryClient();
  const id = useId();
  const settings = useQuery({ queryKey: ["recheck-settings"], queryFn: () => api<RecheckSettings>("/api/v1/recheck-settings") });
  // What the reader typed; until then, the saved setting.
  const [typed, setDays] = useState<string | null>(null);
  const days = typed ?? (settings.data ? String(settings.data.days) : "");
  const parsed = RecheckSettings.safeParse({ days: Number(days) });
  const save = useMutation({
    mutationFn: (body: RecheckSettings) => api<RecheckSettings>("/api/v1/recheck-settings", { method: "PUT", body: JSON.stringify(body) }),
    onSuccess: (d) => qc.setQueryData(["recheck-settings"], d),
  });
  return (
    <Panel
      id="recheck"
      title="Re-check past results"
      description="When one of your pools gets a new version or your scoring rules change, Nexio evaluates your recent evaluations again as new linked jobs (the originals never change), a few at a time behind new submissions. A result that changed materially is marked “Changed since” in History and reported to its webhook."
    >
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed.success) save.mutate(parsed.data);
        }}
      >
        <Field id={id} label="Days back" hint="0 turns re-checks off." error={days !== "" && !parsed.success ? "A whole number from 0 to 365" : undefined}>
          <input
            id={id}
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            className={`${inputClass(days !== "" && !parsed.success)} w-28`}
          />
        </Field>
        <Button type="submit" disabled={!parsed.success || save.isPending || Number(days) === settings.data?.days}>
          Save
        </Button>
        {save.isSuccess && (
          <p role="status" className="pb-2 text-sm text-emerald-800">
            Saved
          </p>
        )}
        {save.isError && (
          <p role="alert" className="pb-2 text-sm text-red-800">
            {save.error.message}
          </p>
        )}
      </form>
    </Panel>
  );
}
