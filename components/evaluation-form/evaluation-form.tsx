"use client";

import { useCallback, useId, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, ApiRequestError } from "@/components/api";
import { Button } from "@/components/ui/button";
import { ErrorNote, Note } from "@/components/ui/badges";
import type { RerunPrefill } from "@/lib/jobs/rerun";
import type { z } from "zod";
import type { CreateJobBody, CreateJobResponse } from "@/lib/jobs/schemas";
import { POOL_FIELD_ID, PoolPicker, PoolPickerSkeleton } from "./pool-picker";
import { fieldId, ProfileField } from "./profile-field";
import { PROFILE_SCHEMAS } from "./profile-schemas";
import { fromProfile, toProfile, visibleFields, type FormValues } from "./profile-values";
import type { DomainForm } from "./types";
import { usePools } from "./use-pools";
import { profileErrors, serverErrors, type FieldErrors, type ServerErrors } from "./validation";

const WEBHOOK_ID = "field-webhook_url";
const PREFERRED_POOL = "carriers:all";

function webhookProblem(url: string): string | undefined {
  if (!url.trim()) return undefined;
  try {
    new URL(url.trim());
    return undefined;
  } catch {
    return "Enter a full URL, e.g. https://your-app.example.com/hooks/nexio";
  }
}

/**
 * New evaluation: pick a pool, fill the profile its domain asks for (the form is drawn from the
 * domain's field metadata and checked with the API's own zod schema), submit, go to the job.
 * With a prefill ("Edit and re-run") it starts from an earlier job's pool, profile and webhook;
 * if that pool can no longer be used, no pool is preselected and the form says so.
 */
export function EvaluationForm({ domains, prefill = null }: { domains: DomainForm[]; prefill?: RerunPrefill | null }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const pools = usePools();
  const summaryId = useId();
  const formRef = useRef<HTMLFormElement>(null);

  const [poolId, setPoolId] = useState(prefill?.poolAvailable ? prefill.poolKey : "");
  const [values, setValues] = useState<FormValues>(() =>
    prefill ? fromProfile(prefill.profile, domains.find((d) => d.id === prefill.domain)?.fieldMeta ?? []) : {},
  );
  const [webhook, setWebhook] = useState(prefill?.webhookUrl ?? "");
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<ServerErrors | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  // A fresh form preselects a pool; a re-run preselects only the job's own pool, if still offered.
  const pool = pools.data?.find((p) => p.id === poolId) ?? (prefill ? undefined : (pools.data?.find((p) => p.id === PREFERRED_POOL) ?? pools.data?.[0]));
  const poolGone = prefill !== null && pools.data !== undefined && (!prefill.poolAvailable || !pools.data.some((p) => p.id === prefill.poolKey));
  const domain = domains.find((d) => d.id === (pool?.domain ?? prefill?.domain));
  const schema = domain ? PROFILE_SCHEMAS[domain.id] : undefined;
  // Line-dependent fields (the exposure a line is rated on) appear for the chosen line only.
  const fields = useMemo(() => visibleFields(domain?.fieldMeta ?? [], values), [domain, values]);

  const profile = useMemo(() => toProfile(values, fields), [values, fields]);
  const clientErrors: FieldErrors = useMemo(() => {
    if (!schema) return {};
    const parsed = schema.safeParse(profile);
    return parsed.success ? {} : profileErrors(parsed.error.issues);
  }, [schema, profile]);

  // Errors show once a field was left (or a submit was tried); the server's win until edited.
  const errorFor = (name: string) => server?.profile[name] ?? (touched.has(name) || attempted ? clientErrors[name] : undefined);
  const webhookError = server?.webhook_url ?? (touched.has("webhook_url") || attempted ? webhookProblem(webhook) : undefined);
  const poolError = server?.pool ?? (attempted && !pool ? "Choose a pool to evaluate against" : undefined);

  const forget = (name: string) =>
    setServer((s) => {
      if (!s) return s;
      const profileErrs = { ...s.profile };
      delete profileErrs[name];
      return { ...s, profile: profileErrs, ...(name === "webhook_url" ? { webhook_url: undefined } : {}), ...(name === "pool" ? { pool: undefined } : {}) };
    });

  const onChange = useCallback((name: string, value: string | number | undefined) => {
    setValues((v) => ({ ...v, [name]: value }));
    forget(name);
  }, []);
  const onBlur = useCallback((name: string) => setTouched((t) => (t.has(name) ? t : new Set(t).add(name))), []);

  const submit = useMutation({
    mutationFn: (body: z.input<typeof CreateJobBody>) => api<z.infer<typeof CreateJobResponse>>("/api/v1/jobs", { method: "POST", body: JSON.stringify(body) }),
    onSuccess: ({ eval_id }) => {
      void queryClient.invalidateQueries({ queryKey: ["jobs"] });
      router.push(`/jobs/${eval_id}`);
    },
    onError: (err) => {
      if (err instanceof ApiRequestError && err.status === 400 && err.details.length > 0) {
        const mapped = serverErrors(err.details);
        setServer(mapped);
        setFailure(mapped.other.length ? mapped.other.join(" ") : null);
        focusFirst(mapped.profile, mapped.webhook_url);
      } else {
        setFailure(err instanceof ApiRequestError ? err.message : "Could not reach Nexio. Check your connection and try again.");
      }
    },
  });

  function focusFirst(profileErrs: FieldErrors, webhookErr?: string, poolErr?: boolean) {
    const first = fields.find((f) => profileErrs[f.name]);
    const id = poolErr ? POOL_FIELD_ID : first ? fieldId(first.name) : webhookErr ? WEBHOOK_ID : null;
    if (id) document.getElementById(id)?.focus();
  }

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setAttempted(true);
    setFailure(null);
    const hookErr = webhookProblem(webhook);
    if (!pool || Object.keys(clientErrors).length > 0 || hookErr) {
      focusFirst(clientErrors, hookErr, !pool);
      return;
    }
    // A re-run links to the job it came from, so its page can offer "What changed".
    submit.mutate({ profile, pool: pool.id, ...(webhook.trim() ? { webhook_url: webhook.trim() } : {}), ...(prefill ? { rerun_of: prefill.evalId } : {}) });
  }

  function choosePool(id: string) {
    const next = pools.data?.find((p) => p.id === id);
    if (next && next.domain !== domain?.id) {
      setValues({});
      setTouched(new Set());
      setAttempted(false);
    }
    setServer(null);
    setPoolId(id);
  }

  function fillExample() {
    if (!domain) return;
    setValues(fromProfile(domain.exampleProfile, domain.fieldMeta));
    setServer(null);
    setFailure(null);
  }

  const visibleErrors = [
    ...(poolError ? [{ id: POOL_FIELD_ID, label: "Candidate pool", message: poolError }] : []),
    ...fields.filter((f) => errorFor(f.name)).map((f) => ({ id: fieldId(f.name), label: f.title, message: errorFor(f.name)! })),
    ...(webhookError ? [{ id: WEBHOOK_ID, label: "Webhook URL", message: webhookError }] : []),
  ];

  if (pools.isPending) return <PoolPickerSkeleton />;
  if (pools.isError) {
    return (
      <div className="space-y-3">
        <ErrorNote>Could not load your pools: {pools.error.message}</ErrorNote>
        <Button variant="secondary" onClick={() => pools.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (pools.data.length === 0) return <ErrorNote>Your organization has no candidate pools yet. Ask an administrator to add one.</ErrorNote>;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby={attempted && visibleErrors.length ? summaryId : undefined}>
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        {poolGone && (
          <div className="mb-4">
            <Note tone="warning" data-testid="pool-gone">
              The pool this evaluation ran against, <span className="font-mono">{prefill.poolKey}</span>, is no longer available. Choose a pool to run it
              against.
            </Note>
          </div>
        )}
        <PoolPicker
          pools={pools.data}
          value={pool?.id ?? ""}
          onChange={choosePool}
          error={poolError}
          domainLabel={(id) => domains.find((d) => d.id === id)?.label ?? id}
        />
      </section>

      <section aria-labelledby="profile-h" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex items-start justify-between gap-4">
          <div>
            <h2 id="profile-h" className="text-sm font-semibold text-slate-900">
              Profile
            </h2>
            <p className="mt-0.5 text-sm text-slate-600">
              {domain ? `What ${domain.label.toLowerCase()} are evaluated against.` : "This pool's domain has no form."}
            </p>
          </div>
          {domain && (
            <Button type="button" variant="secondary" onClick={fillExample}>
              Use example
            </Button>
          )}
        </div>
        {!schema && domain && (
          <div className="mt-4">
            <ErrorNote>This domain cannot be validated in the browser; the server will check the profile.</ErrorNote>
          </div>
        )}
        <div className="mt-5 grid grid-cols-1 gap-x-6 gap-y-5 md:grid-cols-2">
          {fields.map((f) => (
            <ProfileField key={`${domain?.id}:${f.name}`} field={f} value={values[f.name]} error={errorFor(f.name)} onChange={onChange} onBlur={onBlur} />
          ))}
        </div>
      </section>

      <section aria-labelledby="delivery-h" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="delivery-h" className="text-sm font-semibold text-slate-900">
          Delivery
        </h2>
        <div className="mt-3 max-w-2xl">
          <label htmlFor={WEBHOOK_ID} className="flex items-baseline justify-between gap-2 text-sm font-medium text-slate-900">
            Webhook URL
            <span className="text-xs font-normal text-slate-500">optional</span>
          </label>
          <input
            id={WEBHOOK_ID}
            type="url"
            inputMode="url"
            autoComplete="off"
            value={webhook}
            placeholder="https://your-app.example.com/hooks/nexio"
            onChange={(e) => {
              setWebhook(e.target.value);
              forget("webhook_url");
            }}
            onBlur={() => onBlur("webhook_url")}
            aria-invalid={webhookError ? true : undefined}
            aria-describedby={`${WEBHOOK_ID}-help${webhookError ? ` ${WEBHOOK_ID}-error` : ""}`}
            className={`mt-1 block h-10 w-full rounded-md border bg-white px-3 text-sm shadow-sm ${webhookError ? "border-red-500 ring-1 ring-red-500" : "border-slate-300"}`}
          />
          {webhookError && (
            <p id={`${WEBHOOK_ID}-error`} className="mt-1 text-sm font-medium text-red-700" data-testid="error-webhook_url">
              {webhookError}
            </p>
          )}
          <p id={`${WEBHOOK_ID}-help`} className="mt-1 text-xs text-slate-600">
            A public HTTPS endpoint that receives the result when the evaluation finishes. You can always follow it here.
          </p>
        </div>
      </section>

      {attempted && visibleErrors.length > 0 && (
        <div id={summaryId} role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p className="font-semibold">Fix {visibleErrors.length === 1 ? "this field" : `these ${visibleErrors.length} fields`} to submit:</p>
          <ul className="mt-1 list-disc pl-5">
            {visibleErrors.map((e) => (
              <li key={e.id}>
                <a
                  href={`#${e.id}`}
                  className="underline"
                  onClick={(ev) => {
                    ev.preventDefault();
                    document.getElementById(e.id)?.focus();
                  }}
                >
                  {e.label}
                </a>
                : {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {failure && <ErrorNote>{failure}</ErrorNote>}

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={submit.isPending || submit.isSuccess}>
          {submit.isPending || submit.isSuccess ? "Submitting…" : "Evaluate"}
        </Button>
        <p className="text-sm text-slate-600">
          {pool ? (
            <>
              Against <span className="font-mono">{pool.id}</span> · {pool.size.toLocaleString("en-US")} candidates · version {pool.version}
            </>
          ) : (
            "Choose a pool above."
          )}
        </p>
      </div>
    </form>
  );
}
