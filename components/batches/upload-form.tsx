"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, ApiRequestError } from "@/components/api";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/badges";
import { formatInt } from "@/components/ui/format";
import { usePools } from "@/components/evaluation-form/use-pools";
import { Field, inputClass } from "@/components/settings/panel";
import { ImportReport } from "@/components/settings/import-report";
import { BATCH_LIMITS } from "@/lib/batches/schemas";
import type { Batch } from "./use-batch";

const MAX_MIB = BATCH_LIMITS.maxBytes / 1024 / 1024;

function fileType(file: File): string | null {
  const ext = file.name.toLowerCase().split(".").pop();
  return ext === "csv" ? "text/csv" : ext === "json" ? "application/json" : ext === "ndjson" || ext === "jsonl" ? "application/x-ndjson" : null;
}

/** Upload a file of profiles; a file with bad rows shows the row report, a good one opens its batch. */
export function BatchUploadForm() {
  const router = useRouter();
  const qc = useQueryClient();
  const pools = usePools();
  const poolId = useId();
  const fileId = useId();
  const skipId = useId();
  const [pool, setPool] = useState("carriers:all");
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>();

  const upload = useMutation({
    mutationFn: ({ file, type }: { file: File; type: string }) =>
      api<Batch>(`/api/v1/batches?${new URLSearchParams({ pool, ...(skipInvalid ? { skip_invalid: "true" } : {}) })}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": type },
      }),
    onSuccess: (batch) => {
      void qc.invalidateQueries({ queryKey: ["batches"] });
      router.push(`/batches/${batch.batch_id}`);
    },
  });

  function submit() {
    const type = file && fileType(file);
    const problem = !file
      ? "Choose a .csv, .json or .ndjson file"
      : !type
        ? "The file must end in .csv, .json or .ndjson"
        : file.size > BATCH_LIMITS.maxBytes
          ? `The file is over ${MAX_MIB} MiB`
          : undefined;
    setFileError(problem);
    if (problem || !file || !type) return;
    upload.mutate({ file, type });
  }

  const failure = upload.error instanceof ApiRequestError ? upload.error : null;
  return (
    <div className="space-y-5">
      <form
        noValidate
        aria-label="Upload a batch"
        className="grid gap-4 lg:grid-cols-[14rem_minmax(0,1fr)_auto_auto] lg:items-start"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field id={poolId} label="Pool">
          <select id={poolId} value={pool} onChange={(e) => setPool(e.target.value)} className={inputClass()}>
            {(pools.data ?? [{ id: "carriers:all", name: "carriers:all" }]).map((p) => (
              <option key={p.id} value={p.id}>
                {p.id}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={fileId}
          label="Profiles file"
          hint={`CSV (one column per profile field), JSON array or NDJSON; up to ${formatInt(BATCH_LIMITS.maxRows)} rows.`}
          error={fileError}
        >
          <input
            id={fileId}
            type="file"
            accept=".csv,.json,.ndjson,.jsonl,text/csv,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            aria-invalid={!!fileError}
            aria-describedby={fileError ? `${fileId}-error` : `${fileId}-hint`}
            className={`${inputClass(!!fileError)} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-0 file:text-sm file:font-medium file:text-slate-800`}
          />
        </Field>
        <div className="flex items-center gap-2 lg:pt-8">
          <input
            id={skipId}
            type="checkbox"
            checked={skipInvalid}
            onChange={(e) => setSkipInvalid(e.target.checked)}
            className="h-4 w-4 rounded border-slate-300"
          />
          <label htmlFor={skipId} className="text-sm text-slate-800">
            Skip invalid rows
          </label>
        </div>
        <div className="lg:pt-6">
          <Button type="submit" disabled={upload.isPending}>
            {upload.isPending ? "Uploading…" : "Upload and evaluate"}
          </Button>
        </div>
      </form>
      {upload.isError &&
        (failure?.details.some((d) => /^(rows|columns)\b/.test(d.path)) ? (
          <ImportReport error={failure} />
        ) : (
          <ErrorNote>Could not upload the file: {upload.error.message}</ErrorNote>
        ))}
    </div>
  );
}
