import { SchemaTable } from "@/components/api-reference/schema-table";
import { TryIt, type TryParam } from "@/components/api-reference/try-it";
import { CopyButton } from "@/components/ui/copy-button";
import { MethodBadge } from "@/components/api-reference/method-badge";
import { RichText } from "@/components/api-reference/rich-text";
import { ErrorTable } from "@/components/api-reference/error-table";
import { curlExample, exampleBody, EXAMPLE_EVAL_ID } from "@/components/api-reference/examples";
import {
  constraints,
  enumValues,
  errorCodes,
  fieldRows,
  jsonSchemaOf,
  refName,
  resolve,
  typeLabel,
  type OpenApiDoc,
  type OperationEntry,
} from "@/components/api-reference/model";

// One operation of the API: what it does, its parameters, body and responses on the left; a curl
// example and a live "Try it" panel on the right.

export function OperationSection({ doc, entry, baseUrl }: { doc: OpenApiDoc; entry: OperationEntry; baseUrl: string }) {
  const { op } = entry;
  const params = op.parameters ?? [];
  const bodySchema = jsonSchemaOf(op.requestBody?.content);
  const success = Object.entries(op.responses).filter(([s]) => Number(s) < 400);
  const errors = errorCodes(op);
  const body = exampleBody(entry);
  const tryParams: TryParam[] = params
    .filter((p): p is typeof p & { in: "path" | "query" | "header" } => p.in !== "cookie")
    .map((p) => ({
      name: p.name,
      in: p.in,
      required: !!p.required,
      description: p.description,
      enum: enumValues(p.schema)?.map(String),
      placeholder: p.name === "eval_id" ? EXAMPLE_EVAL_ID : p.schema?.default !== undefined ? String(p.schema.default) : undefined,
    }));
  const headingId = `${entry.id}-title`;

  return (
    <section id={entry.id} aria-labelledby={headingId} className="scroll-mt-6 border-t border-slate-200 py-10 first:border-t-0">
      <div className="flex flex-wrap items-center gap-3">
        <MethodBadge method={entry.method} />
        <code className="font-mono text-base font-semibold text-slate-900">{entry.path}</code>
      </div>
      <h2 id={headingId} className="mt-2 text-2xl font-bold tracking-tight text-slate-900">
        {op.summary}
      </h2>
      {op.description && (
        <p className="mt-2 max-w-3xl text-slate-700">
          <RichText text={op.description} />
        </p>
      )}
      {op["x-scope"] && (
        <p className="mt-2 text-sm text-slate-700" data-testid="operation-scope">
          API key scope: <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs font-semibold text-slate-900">{op["x-scope"]}</code>
          <span className="text-slate-600"> · a key without it gets 403</span>
        </p>
      )}

      <div className="mt-6 grid gap-8 xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <div className="min-w-0 space-y-8">
          {params.length > 0 && (
            <div>
              <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">Parameters</h3>
              <div className="overflow-x-auto rounded-md border border-slate-200">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">
                    Parameters of {entry.method} {entry.path}
                  </caption>
                  <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-semibold">
                        Name
                      </th>
                      <th scope="col" className="px-3 py-2 font-semibold">
                        In
                      </th>
                      <th scope="col" className="px-3 py-2 font-semibold">
                        Type
                      </th>
                      <th scope="col" className="px-3 py-2 font-semibold">
                        Description
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100 align-top">
                    {params.map((p) => {
                      const values = enumValues(p.schema);
                      const notes = constraints(p.schema);
                      return (
                        <tr key={`${p.in}:${p.name}`}>
                          <th scope="row" className="whitespace-nowrap px-3 py-2 font-normal">
                            <code className="font-mono text-[13px] font-semibold text-slate-900">{p.name}</code>
                            {p.required && (
                              <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-[11px] font-semibold text-red-800 ring-1 ring-inset ring-red-200">
                                required
                              </span>
                            )}
                          </th>
                          <td className="px-3 py-2 text-slate-700">{p.in}</td>
                          <td className="px-3 py-2">
                            <code className="font-mono text-xs text-indigo-900">{typeLabel(doc, p.schema)}</code>
                          </td>
                          <td className="px-3 py-2 text-slate-700">
                            {p.description && <RichText text={p.description} />}
                            {notes.length > 0 && <p className="text-xs text-slate-600">{notes.join(" · ")}</p>}
                            {values && <p className="text-xs text-slate-600">One of {values.map((v) => `"${String(v)}"`).join(", ")}</p>}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </div>
          )}

          {bodySchema && (
            <div>
              <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
                Request body{" "}
                <span className="font-normal normal-case text-slate-600">application/json{bodySchema.$ref ? ` · ${refName(bodySchema.$ref)}` : ""}</span>
              </h3>
              <SchemaTable rows={fieldRows(doc, bodySchema)} caption={`Request body of ${entry.method} ${entry.path}`} />
            </div>
          )}

          <div>
            <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">Responses</h3>
            <div className="space-y-3">
              {success.map(([status, r]) => {
                const schema = jsonSchemaOf(r.content);
                return (
                  <details key={status} open={status.startsWith("2")} className="rounded-md border border-slate-200 bg-white">
                    <summary className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm">
                      <span className="rounded bg-emerald-100 px-2 py-0.5 font-mono font-semibold text-emerald-900">{status}</span>
                      <span className="text-slate-800">{r.description}</span>
                      {schema?.$ref && <code className="ml-auto font-mono text-xs text-indigo-900">{refName(schema.$ref)}</code>}
                    </summary>
                    <div className="space-y-3 border-t border-slate-200 p-3">
                      {r.headers && (
                        <ul className="text-sm text-slate-700">
                          {Object.entries(r.headers).map(([h, spec]) => (
                            <li key={h}>
                              Header <code className="font-mono font-semibold">{h}</code>: {spec.description}
                            </li>
                          ))}
                        </ul>
                      )}
                      {schema ? (
                        <SchemaTable rows={fieldRows(doc, schema)} caption={`${status} response of ${entry.method} ${entry.path}`} />
                      ) : (
                        <p className="text-sm text-slate-600">See the description above.</p>
                      )}
                    </div>
                  </details>
                );
              })}
            </div>
          </div>

          {errors.length > 0 && (
            <div>
              <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">Errors</h3>
              <ErrorTable errors={errors} caption={`Error responses of ${entry.method} ${entry.path}`} meaningHeading="When" />
              <p className="mt-2 text-xs text-slate-600">
                Every error has the shape{" "}
                <a href="#errors" className="font-medium text-indigo-800 underline">
                  described below
                </a>
                .
              </p>
            </div>
          )}
        </div>

        <aside aria-label={`Example and try it: ${entry.method} ${entry.path}`} className="min-w-0 space-y-6">
          <div className="overflow-hidden rounded-lg bg-slate-900">
            <div className="flex items-center justify-between border-b border-slate-700 px-3 py-2">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-200">curl</h3>
              <CopyButton text={curlExample(entry, baseUrl)} label="Copy curl" onDark />
            </div>
            <pre
              className="overflow-x-auto p-3 font-mono text-xs leading-5 text-slate-100"
              tabIndex={0}
              aria-label={`curl example for ${entry.method} ${entry.path}`}
            >
              {curlExample(entry, baseUrl)}
            </pre>
          </div>
          <div className="rounded-lg border border-indigo-200 bg-indigo-50/50 p-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-900">Try it</h3>
            <TryIt method={entry.method} path={entry.path} params={tryParams} exampleBody={body} />
          </div>
        </aside>
      </div>
    </section>
  );
}

/** A schema of the document shown on its own (the webhook body). */
export function SchemaBlock({ doc, name }: { doc: OpenApiDoc; name: string }) {
  const schema = resolve(doc, { $ref: `#/components/schemas/${name}` });
  if (!schema) return null;
  return <SchemaTable rows={fieldRows(doc, { $ref: `#/components/schemas/${name}` })} caption={name} />;
}
