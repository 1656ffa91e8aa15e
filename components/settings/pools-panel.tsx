"use client";

import { useId, useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, ApiRequestError } from "@/components/api";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorNote } from "@/components/ui/badges";
import { formatInt } from "@/components/ui/format";
import { usePools } from "@/components/evaluation-form/use-pools";
import { Field, Panel, inputClass } from "@/components/settings/panel";
import { LoadError, SkeletonRows, Table, td, th } from "@/components/settings/table-states";
import { ImportReport } from "@/components/settings/import-report";
import { PoolHistory } from "@/components/settings/pool-history";
import { RecheckPanel } from "@/components/settings/recheck-panel";
import { POOL_DOMAINS, POOL_IMPORT_LIMITS, PoolName, type ImportPoolResponse } from "@/lib/pools/schemas";

export function PoolsPanel() {
  const pools = usePools();
  const [history, setHistory] = useState<string | null>(null);
  return (
    <>
      <Panel
        id="import-pool"
        title="Import a pool"
        description={
          <>
            Upload your own appetite data as CSV (one candidate a row; header = field names) or JSON (a list of candidates). Every row is checked; if any is
            invalid nothing is stored and the problems are listed. Importing again under the same name makes a new version; evaluations record the version they
            used.
          </>
        }
      >
        <ImportForm />
      </Panel>

      <Panel id="pools" title="Pools" description="The pools your organization can evaluate against: the shared demo pools and your own." flush>
        {pools.isError ? (
          <LoadError what="the pools" error={pools.error} retry={() => pools.refetch()} />
        ) : pools.data?.length === 0 ? (
          <div className="p-5">
            <EmptyState title="No pools yet">Import a CSV or JSON file above.</EmptyState>
          </div>
        ) : (
          <Table
            caption="Pools"
            head={
              <tr>
                <th scope="col" className={th}>
                  Pool
                </th>
                <th scope="col" className={th}>
                  Domain
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Candidates
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Version
                </th>
                <th scope="col" className={th}>
                  Owner
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            }
          >
            {!pools.data ? (
              <SkeletonRows cols={6} />
            ) : (
              pools.data.map((p) => (
                <tr key={p.id} data-testid="pool-row">
                  <td className={td}>
                    <div className="font-medium text-slate-900">{p.name}</div>
                    <code className="font-mono text-xs text-slate-600">{p.id}</code>
                  </td>
                  <td className={td}>{p.domain}</td>
                  <td className={`${td} text-right tabular-nums`}>{formatInt(p.size)}</td>
                  <td className={`${td} text-right tabular-nums`}>v{p.version}</td>
                  <td className={td}>
                    <span
                      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${p.shared ? "bg-slate-100 text-slate-700" : "bg-indigo-100 text-indigo-900"}`}
                    >
                      {p.shared ? "Shared demo" : "Your organization"}
                    </span>
                  </td>
                  <td className={`${td} text-right`}>
                    <Button
                      variant="ghost"
                      aria-expanded={history === p.id}
                      aria-controls="pool-history-heading"
                      onClick={() => setHistory(history === p.id ? null : p.id)}
                    >
                      History<span className="sr-only"> of {p.id}</span>
                    </Button>
                  </td>
                </tr>
              ))
            )}
          </Table>
        )}
      </Panel>

      {history && <PoolHistory pool={history} onClose={() => setHistory(null)} />}

      <RecheckPanel />
    </>
  );
}

const MAX_MIB = POOL_IMPORT_LIMITS.maxBytes / 1024 / 1024;

function fileType(file: File): "text/csv" | "application/json" | null {
  const ext = file.name.toLowerCase().split(".").pop();
  return ext === "csv" ? "text/csv" : ext === "json" ? "application/json" : null;
}

function ImportForm() {
  const qc = useQueryClient();
  const nameId = useId();
  const domainId = useId();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [domain, setDomain] = useState<(typeof POOL_DOMAINS)[number]>("carriers");
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ name?: string; file?: string }>({});

  const upload = useMutation({
    mutationFn: ({ name, domain, file, type }: { name: string; domain: string; file: File; type: string }) =>
      api<ImportPoolResponse>(`/api/v1/pools?${new URLSearchParams({ name, domain })}`, { method: "POST", body: file, headers: { "Content-Type": type } }),
    onSuccess: () => {
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
      void qc.invalidateQueries({ queryKey: ["pools"] });
    },
  });

  function submit() {
    const found: typeof errors = {};
    const parsedName = PoolName.safeParse(name.trim());
    if (!parsedName.success) found.name = name.trim() ? "Use lowercase letters, digits and dashes (1–40 characters)" : "is required";
    const type = file && fileType(file);
    if (!file) found.file = "Choose a .csv or .json file";
    else if (!type) found.file = "The file must end in .csv or .json";
    else if (file.size > POOL_IMPORT_LIMITS.maxBytes) found.file = `The file is over ${MAX_MIB} MiB`;
    setErrors(found);
    if (Object.keys(found).length > 0 || !file || !type) return;
    upload.mutate({ name: parsedName.data!, domain, file, type });
  }

  const failure = upload.error instanceof ApiRequestError ? upload.error : null;
  return (
    <div className="space-y-5">
      <form
        noValidate
        aria-label="Import a pool"
        className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem] lg:grid-cols-[minmax(0,1fr)_10rem_minmax(0,1fr)_auto] lg:items-start"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field id={nameId} label="Pool name" hint="e.g. preferred-carriers; the same name again adds a version." error={errors.name}>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={40}
            autoComplete="off"
            aria-invalid={!!errors.name}
            aria-describedby={errors.name ? `${nameId}-error` : `${nameId}-hint`}
            className={inputClass(!!errors.name)}
          />
        </Field>
        <Field id={domainId} label="Domain">
          <select id={domainId} value={domain} onChange={(e) => setDomain(e.target.value as typeof domain)} className={inputClass()}>
            {POOL_DOMAINS.map((d) => (
              <option key={d} value={d}>
                {d === "carriers" ? "Carriers" : "Providers"}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fileId} label="File" hint={`CSV or JSON, up to ${MAX_MIB} MiB and ${formatInt(POOL_IMPORT_LIMITS.maxRows)} rows.`} error={errors.file}>
          <input
            id={fileId}
            ref={fileInput}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            aria-invalid={!!errors.file}
            aria-describedby={errors.file ? `${fileId}-error` : `${fileId}-hint`}
            className={`${inputClass(!!errors.file)} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-0 file:text-sm file:font-medium file:text-slate-800`}
          />
        </Field>
        <div className="lg:pt-6">
          <Button type="submit" disabled={upload.isPending}>
            {upload.isPending ? "Importing…" : "Import"}
          </Button>
        </div>
      </form>

      {upload.isSuccess && (
        <p role="status" data-testid="import-result" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {upload.data.new_version ? (
            <>
              <strong>Version {upload.data.version}</strong> of <code className="font-mono text-xs">{upload.data.id}</code>: {formatInt(upload.data.size)}{" "}
              candidates imported.
            </>
          ) : (
            <>
              Same data as version {upload.data.version} of <code className="font-mono text-xs">{upload.data.id}</code>: no new version.
            </>
          )}
        </p>
      )}
      {upload.isError &&
        (failure?.details.some((d) => /^(rows|columns)\b/.test(d.path)) ? (
          <ImportReport error={failure} />
        ) : (
          <ErrorNote>Could not import the file: {upload.error.message}</ErrorNote>
        ))}
    </div>
  );
}
