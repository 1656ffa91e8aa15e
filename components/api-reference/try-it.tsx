"use client";

import { createContext, useContext, useId, useState, type ReactNode } from "react";
import { useHydrated } from "@/components/ui/hydrated";

// "Try it": send a real request from the page. The API key lives in React state only (never
// localStorage, cookies or the URL), shared by every panel on the page, and is gone on reload.

interface Shared {
  apiKey: string;
  setApiKey: (k: string) => void;
  lastEvalId: string;
  setLastEvalId: (id: string) => void;
}
const SharedContext = createContext<Shared | null>(null);

export function TryItProvider({ children }: { children: ReactNode }) {
  const [apiKey, setApiKey] = useState("");
  const [lastEvalId, setLastEvalId] = useState("");
  return <SharedContext.Provider value={{ apiKey, setApiKey, lastEvalId, setLastEvalId }}>{children}</SharedContext.Provider>;
}

function useShared(): Shared {
  const s = useContext(SharedContext);
  if (!s) throw new Error("TryIt needs a TryItProvider");
  return s;
}

const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 placeholder:text-slate-500 focus:border-indigo-600";

export function ApiKeyField({ compact = false }: { compact?: boolean }) {
  const { apiKey, setApiKey } = useShared();
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        API key
      </label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={apiKey}
        onChange={(e) => setApiKey(e.target.value.trim())}
        placeholder="nx_live_…"
        className={`mt-1 ${inputClass}`}
        aria-describedby={compact ? undefined : `${id}-hint`}
      />
      {!compact && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          Sent as <code>X-API-Key</code>. Kept in this page&apos;s memory only: never stored, gone when you reload.
        </p>
      )}
    </div>
  );
}

export interface TryParam {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  enum?: string[];
  placeholder?: string;
}

interface Result {
  status: number;
  statusText: string;
  ms: number;
  headers: [string, string][];
  body: string;
}

const SHOWN_HEADERS = ["location", "retry-after", "ratelimit-remaining", "idempotent-replayed", "content-type"];

function pretty(text: string) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function TryIt({ method, path, params, exampleBody }: { method: string; path: string; params: TryParam[]; exampleBody?: string }) {
  const { apiKey, lastEvalId, setLastEvalId } = useShared();
  const [values, setValues] = useState<Record<string, string>>({});
  const [body, setBody] = useState(exampleBody ?? "");
  const [sending, setSending] = useState(false);
  // Disabled until hydrated, like every submit Button (see components/ui/button.tsx).
  const hydrated = useHydrated();
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const id = useId();

  let bodyProblem: string | null = null;
  if (exampleBody !== undefined && body.trim() !== "") {
    try {
      JSON.parse(body);
    } catch (e) {
      bodyProblem = `Not valid JSON (${(e as Error).message}); it will be sent as typed.`;
    }
  }
  const missing = params.filter((p) => p.in === "path" && !(values[p.name] ?? "").trim()).map((p) => p.name);

  function url() {
    let u = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent((values[name] ?? "").trim()));
    const q = new URLSearchParams();
    for (const p of params) if (p.in === "query" && values[p.name]) q.set(p.name, values[p.name]);
    if ([...q].length) u += `?${q}`;
    return u;
  }

  async function send() {
    setSending(true);
    setFailure(null);
    const headers: Record<string, string> = { Accept: "application/json" };
    if (apiKey) headers["X-API-Key"] = apiKey;
    if (exampleBody !== undefined) headers["Content-Type"] = "application/json";
    for (const p of params) if (p.in === "header" && values[p.name]) headers[p.name] = values[p.name];
    const t0 = performance.now();
    try {
      const res = await fetch(url(), { method, headers, body: exampleBody !== undefined ? body : undefined, credentials: "omit", cache: "no-store" });
      const text = await res.text();
      const shown = SHOWN_HEADERS.flatMap((h) => (res.headers.get(h) ? [[h, res.headers.get(h)!] as [string, string]] : []));
      setResult({ status: res.status, statusText: res.statusText, ms: Math.round(performance.now() - t0), headers: shown, body: pretty(text) });
      try {
        const evalId = JSON.parse(text)?.eval_id;
        if (res.ok && typeof evalId === "string") setLastEvalId(evalId);
      } catch {
        // not JSON: nothing to remember
      }
    } catch (e) {
      setResult(null);
      setFailure(`The request did not complete: ${(e as Error).message}`);
    } finally {
      setSending(false);
    }
  }

  const statusStyle = !result
    ? ""
    : result.status < 300
      ? "bg-emerald-100 text-emerald-900"
      : result.status < 500
        ? "bg-amber-100 text-amber-900"
        : "bg-red-100 text-red-900";

  return (
    <form
      className="space-y-3"
      aria-label={`Try ${method} ${path}`}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <ApiKeyField compact />
      {params.map((p) => {
        const fid = `${id}-${p.name}`;
        const offerLast = p.name === "eval_id" && lastEvalId && values[p.name] !== lastEvalId;
        return (
          <div key={p.name}>
            <label htmlFor={fid} className="flex items-baseline gap-2 text-sm font-medium text-slate-800">
              <code className="font-mono">{p.name}</code>
              <span className="text-xs font-normal text-slate-600">
                {p.in}
                {p.required ? ", required" : ""}
              </span>
            </label>
            {p.enum ? (
              <select
                id={fid}
                value={values[p.name] ?? ""}
                onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
                className={`mt-1 ${inputClass}`}
              >
                <option value="">(any)</option>
                {p.enum.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={fid}
                value={values[p.name] ?? ""}
                onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
                placeholder={p.placeholder}
                spellCheck={false}
                className={`mt-1 ${inputClass}`}
              />
            )}
            {offerLast && (
              <button
                type="button"
                onClick={() => setValues({ ...values, [p.name]: lastEvalId })}
                className="mt-1 text-xs font-medium text-indigo-800 underline hover:text-indigo-950"
              >
                Use {lastEvalId} (your last submitted job)
              </button>
            )}
          </div>
        );
      })}
      {exampleBody !== undefined && (
        <div>
          <div className="flex items-baseline justify-between">
            <label htmlFor={`${id}-body`} className="text-sm font-medium text-slate-800">
              Request body (JSON)
            </label>
            <button type="button" onClick={() => setBody(exampleBody)} className="text-xs font-medium text-indigo-800 underline hover:text-indigo-950">
              Reset to example
            </button>
          </div>
          <textarea
            id={`${id}-body`}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={Math.min(18, Math.max(6, body.split("\n").length + 1))}
            spellCheck={false}
            className={`mt-1 ${inputClass} leading-5`}
            aria-describedby={bodyProblem ? `${id}-body-problem` : undefined}
          />
          {bodyProblem && (
            <p id={`${id}-body-problem`} className="mt-1 text-xs text-amber-900">
              {bodyProblem}
            </p>
          )}
        </div>
      )}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={!hydrated || sending || missing.length > 0}
          className="inline-flex items-center gap-2 rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-700"
        >
          {sending ? "Sending…" : "Send"}
        </button>
        <span className="text-xs text-slate-600">{missing.length > 0 ? `Fill in ${missing.join(", ")} first.` : `${method} ${url()}`}</span>
      </div>
      <div aria-live="polite">
        {failure && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            {failure}
          </p>
        )}
        {result && (
          <section aria-label="Response" className="rounded-md border border-slate-200">
            <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 text-sm">
              <span className={`rounded px-2 py-0.5 font-mono font-semibold ${statusStyle}`} data-testid="try-status">
                {result.status}
              </span>
              <span className="text-slate-800">{result.statusText}</span>
              <span className="ml-auto text-xs text-slate-600">{result.ms} ms</span>
            </header>
            {result.headers.length > 0 && (
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 border-b border-slate-200 px-3 py-2 font-mono text-xs">
                {result.headers.map(([k, v]) => (
                  <div key={k} className="contents">
                    <dt className="text-slate-600">{k}</dt>
                    <dd className="break-all text-slate-900">{v}</dd>
                  </div>
                ))}
              </dl>
            )}
            <pre
              className="max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-b-md bg-slate-900 p-3 font-mono text-xs leading-5 text-slate-100"
              tabIndex={0}
              aria-label="Response body"
            >
              {result.body || "(empty body)"}
            </pre>
          </section>
        )}
      </div>
    </form>
  );
}
