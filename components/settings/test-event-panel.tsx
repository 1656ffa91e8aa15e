"use client";

import { useId, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { api, ApiRequestError } from "@/components/api";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/badges";
import { Field, Panel, fieldErrors, inputClass } from "@/components/settings/panel";
import { TestEventBody, type TestEventResult } from "@/lib/webhooks/schemas";

// "Send test event": one signed request to the URL typed here, sent now; the attempt's outcome is
// shown inline. Nothing is queued or retried, so it does not appear under Recent deliveries.

export function TestEventPanel() {
  const id = useId();
  const [url, setUrl] = useState("");
  const [error, setError] = useState<string | undefined>();
  const send = useMutation({
    mutationFn: (body: TestEventBody) => api<TestEventResult>("/api/v1/webhook-deliveries/test", { method: "POST", body: JSON.stringify(body) }),
    onError: (e) => setError(e instanceof ApiRequestError ? fieldErrors(e.details).url : undefined),
  });

  return (
    <Panel
      id="test-event"
      title="Send test event"
      description={
        <>
          Sends one signed request to your receiver now, with the body{" "}
          <code className="whitespace-nowrap font-mono text-xs">{`{"type":"test","eval_id":null,…}`}</code>, so you can check the endpoint and your signature
          verification before real jobs flow. It is not retried and not listed under Recent deliveries.
        </>
      }
    >
      <form
        noValidate
        aria-label="Send test event"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = TestEventBody.safeParse({ url });
          if (!parsed.success) return setError(fieldErrors(parsed.error.issues).url);
          setError(undefined);
          send.mutate(parsed.data);
        }}
      >
        <Field id={id} label="Receiver URL" hint="Public HTTPS, the same rules as a job's webhook_url." error={error}>
          <div className="flex gap-2">
            <input
              id={id}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="https://your-app.com/hooks/nexio"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              aria-invalid={!!error}
              aria-describedby={error ? `${id}-error` : `${id}-hint`}
              className={`${inputClass(!!error)} font-mono`}
            />
            <Button type="submit" className="w-36 shrink-0" disabled={send.isPending}>
              {send.isPending ? "Sending…" : "Send test event"}
            </Button>
          </div>
        </Field>
        {send.isError && !error && <ErrorNote>Could not send the test event: {send.error.message}</ErrorNote>}
        {send.data && !send.isPending && <TestOutcome result={send.data} />}
      </form>
    </Panel>
  );
}

function TestOutcome({ result: r }: { result: TestEventResult }) {
  const ok = r.outcome === "succeeded";
  return (
    <div
      role="status"
      data-testid="test-event-result"
      className={`rounded-md border px-4 py-3 text-sm ${ok ? "border-emerald-200 bg-emerald-50 text-emerald-950" : "border-red-200 bg-red-50 text-red-950"}`}
    >
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-semibold">{ok ? "Delivered" : "Failed"}</span>
        <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${ok ? "bg-emerald-100 text-emerald-900" : "bg-red-100 text-red-900"}`}>
          {r.status_code ?? "no response"}
        </span>
        <span className="tabular-nums">{r.latency_ms} ms</span>
        <span className="min-w-0 truncate font-mono text-xs opacity-80" title={r.url}>
          {r.url}
        </span>
      </p>
      {r.error && r.error !== `HTTP ${r.status_code}` && <p className="mt-2 font-medium">{r.error}</p>}
      <p className="mt-2 text-xs opacity-80">
        webhook-id <code className="font-mono">{r.webhook_id}</code>
      </p>
      {r.response_excerpt ? (
        <>
          <p className="mt-3 text-xs font-medium">
            Response body <span className="font-normal opacity-80">(first 1 KB)</span>
          </p>
          <pre
            aria-label="Response excerpt"
            className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap break-all rounded bg-white/70 px-2 py-1.5 font-mono text-xs text-slate-800"
          >
            {r.response_excerpt}
          </pre>
        </>
      ) : (
        <p className="mt-2 text-xs opacity-80">{r.status_code === null ? "No response." : "Empty response body."}</p>
      )}
    </div>
  );
}
