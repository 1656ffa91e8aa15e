import type { Metadata } from "next";
import Link from "next/link";
import { openApiDocument } from "@/lib/api/openapi";
import { settings } from "@/lib/settings";
import { errorCodes, operationsOf, type OpenApiDoc } from "@/components/api-reference/model";
import { OperationSection, SchemaBlock } from "@/components/api-reference/operation-section";
import { MethodBadge } from "@/components/api-reference/method-badge";
import { ApiKeyField, TryItProvider } from "@/components/api-reference/try-it";
import { ErrorTable } from "@/components/api-reference/error-table";

// /docs/api – the interactive API reference, rendered from the same OpenAPI document that
// /api/v1/openapi.json serves. Public: no sign-in; "Try it" needs an API key.

export const metadata: Metadata = { title: "API reference" };
export const dynamic = "force-dynamic";

const ERROR_EXAMPLE = {
  error: {
    code: "invalid_request",
    message: "Missing required field: profile.entity",
    details: [{ path: "profile.entity", code: "invalid_type", message: "Missing required field: profile.entity" }],
  },
};

export default function ApiReferencePage() {
  const baseUrl = settings().baseUrl;
  const doc = openApiDocument(baseUrl) as unknown as OpenApiDoc;
  const operations = operationsOf(doc);
  const allErrors = new Map<string, { status: string; code: string; meaning: string }>();
  for (const { op } of operations) for (const e of errorCodes(op)) if (!allErrors.has(e.code)) allErrors.set(e.code, e);
  const webhooks = Object.entries(doc.webhooks ?? {});

  return (
    <div className="min-h-screen bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-[90rem] items-center gap-4 px-6 py-3">
          <Link href="/" className="text-lg font-bold tracking-tight text-indigo-800">
            Nexio
          </Link>
          <span className="text-slate-400" aria-hidden="true">
            /
          </span>
          <span className="font-medium text-slate-800">API reference</span>
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">v{doc.info.version}</span>
          <a
            href="/api/v1/openapi.json"
            className="ml-auto rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            openapi.json
          </a>
        </div>
      </header>

      <TryItProvider>
        <div className="mx-auto flex max-w-[90rem] gap-10 px-6">
          <nav aria-label="API reference" className="sticky top-0 hidden max-h-screen w-60 shrink-0 overflow-y-auto py-8 lg:block">
            <p className="px-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Introduction</p>
            <ul className="mt-2 space-y-0.5 text-sm">
              {[
                ["overview", "Overview"],
                ["authentication", "Authentication"],
                ["errors", "Errors"],
              ].map(([id, label]) => (
                <li key={id}>
                  <a href={`#${id}`} className="block rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900">
                    {label}
                  </a>
                </li>
              ))}
            </ul>
            <p className="mt-6 px-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Endpoints</p>
            <ul className="mt-2 space-y-0.5 text-sm">
              {operations.map((o) => (
                <li key={o.id}>
                  <a href={`#${o.id}`} className="flex items-start gap-2 rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900">
                    <span className="mt-0.5 shrink-0">
                      <MethodBadge method={o.method} small />
                    </span>
                    <span>{o.op.summary}</span>
                  </a>
                </li>
              ))}
            </ul>
            {webhooks.length > 0 && (
              <>
                <p className="mt-6 px-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Webhooks</p>
                <ul className="mt-2 space-y-0.5 text-sm">
                  {webhooks.map(([name]) => (
                    <li key={name}>
                      <a href={`#webhook-${name}`} className="block rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900">
                        {name}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </nav>

          <main id="main" className="min-w-0 flex-1 py-8">
            <section id="overview" aria-labelledby="overview-title" className="max-w-3xl">
              <h1 id="overview-title" className="text-3xl font-bold tracking-tight text-slate-900">
                {doc.info.title} reference
              </h1>
              <p className="mt-3 text-lg text-slate-700">{doc.info.description}</p>
              <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="font-medium text-slate-600">Base URL</dt>
                <dd>
                  <code className="font-mono text-slate-900">{doc.servers?.[0]?.url ?? baseUrl}</code>
                </dd>
                <dt className="font-medium text-slate-600">Format</dt>
                <dd className="text-slate-800">JSON in, JSON out; request bodies up to 64 KiB</dd>
                <dt className="font-medium text-slate-600">Flow</dt>
                <dd className="text-slate-800">
                  Submit with{" "}
                  <a href="#createJob" className="font-medium text-indigo-800 underline">
                    POST /api/v1/jobs
                  </a>{" "}
                  (202 at once), then receive the result at your <code>webhook_url</code> or poll{" "}
                  <a href="#getJob" className="font-medium text-indigo-800 underline">
                    GET /api/v1/jobs/&#123;eval_id&#125;
                  </a>
                  .
                </dd>
              </dl>
            </section>

            <section id="authentication" aria-labelledby="authentication-title" className="mt-10 max-w-3xl">
              <h2 id="authentication-title" className="text-2xl font-bold tracking-tight text-slate-900">
                Authentication
              </h2>
              <p className="mt-2 text-slate-700">
                Every request carries an API key of your organization in the <code className="font-mono">X-API-Key</code> header. Keys look like{" "}
                <code className="font-mono">nx_live_…</code> or <code className="font-mono">nx_test_…</code>; a key is shown once, when it is created (Settings
                → API keys, or <code className="font-mono">npm run --silent nexio -- keys create --org demo</code>). A missing, unknown or revoked key gets{" "}
                <code className="font-mono">401 unauthorized</code>.
              </p>
              <div className="mt-4 max-w-md rounded-lg border border-indigo-200 bg-indigo-50/50 p-4">
                <ApiKeyField />
              </div>
            </section>

            <div className="mt-6">
              {operations.map((entry) => (
                <OperationSection key={entry.id} doc={doc} entry={entry} baseUrl={baseUrl} />
              ))}
            </div>

            {webhooks.map(([name, item]) => {
              const post = item.post;
              // The body's component, as the document names it (JobResult, JobFailed, TestEvent).
              const ref = post?.requestBody?.content["application/json"]?.schema?.$ref;
              const bodyName = typeof ref === "string" ? ref.replace("#/components/schemas/", "") : "JobResult";
              return (
                <section key={name} id={`webhook-${name}`} aria-labelledby={`webhook-${name}-title`} className="scroll-mt-6 border-t border-slate-200 py-10">
                  <div className="flex items-center gap-3">
                    <MethodBadge method="POST" />
                    <code className="font-mono text-base font-semibold text-slate-900">your webhook_url</code>
                  </div>
                  <h2 id={`webhook-${name}-title`} className="mt-2 text-2xl font-bold tracking-tight text-slate-900">
                    Webhook: {name}
                  </h2>
                  <p className="mt-2 max-w-3xl text-slate-700">{post?.summary}</p>
                  <p className="mt-2 max-w-3xl text-slate-700">
                    Answer with any 2xx to acknowledge. Deliveries are retried, so use <code className="font-mono">eval_id</code> as your deduplication key.
                  </p>
                  <h3 className="mb-2 mt-6 text-sm font-semibold uppercase tracking-wide text-slate-600">Body · {bodyName}</h3>
                  <div className="max-w-4xl">
                    <SchemaBlock doc={doc} name={bodyName} />
                  </div>
                </section>
              );
            })}

            <section id="errors" aria-labelledby="errors-title" className="scroll-mt-6 border-t border-slate-200 py-10">
              <h2 id="errors-title" className="text-2xl font-bold tracking-tight text-slate-900">
                Errors
              </h2>
              <p className="mt-2 max-w-3xl text-slate-700">
                Every error has the same shape. <code className="font-mono">message</code> names the first problem; <code className="font-mono">details</code>{" "}
                lists every problem with the path of the field. Messages never contain internal details.
              </p>
              <div className="mt-4 grid gap-6 xl:grid-cols-2">
                <pre
                  className="self-start overflow-x-auto rounded-lg bg-slate-900 p-4 font-mono text-xs leading-5 text-slate-100"
                  tabIndex={0}
                  aria-label="Example error response"
                >
                  {JSON.stringify(ERROR_EXAMPLE, null, 2)}
                </pre>
                <ErrorTable
                  errors={[...allErrors.values()].sort((x, y) => Number(x.status) - Number(y.status))}
                  caption="Error codes"
                  meaningHeading="Meaning"
                />
              </div>
            </section>
          </main>
        </div>
      </TryItProvider>
    </div>
  );
}
