"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiRequestError } from "@/components/api";
import { Note, Spinner } from "@/components/ui/badges";
import { Panel } from "@/components/settings/panel";
import { LoadError } from "@/components/settings/table-states";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { ScoringForm, type ObservedRule, type SaveError } from "@/components/settings/scoring-form";
import { formatDateTime, formatRelative } from "@/components/trace/format";
import { SCORING_DOMAINS, type PutScoringRulesBody, type ScoringDomain, type ScoringRulesResponse } from "@/lib/rules/schemas";

const DOMAIN_LABEL: Record<ScoringDomain, string> = { carriers: "Insurance carriers", providers: "Provider network" };
const rulesKey = (domain: ScoringDomain) => ["settings", "scoring-rules", domain];
type FormRules = Parameters<typeof ScoringForm>[0]["effective"];
type WithObserved = { placement?: { observed_quote_rate?: ObservedRule } };
const observedOf = (r: Record<string, unknown>) => (r as WithObserved).placement?.observed_quote_rate;

export function ScoringPanel() {
  const [domain, setDomain] = useState<ScoringDomain>("carriers");
  const qc = useQueryClient();
  const rules = useQuery({ queryKey: rulesKey(domain), queryFn: () => api<ScoringRulesResponse>(`/api/v1/scoring-rules/${domain}`) });
  const [saved, setSaved] = useState<{ domain: ScoringDomain; version: number; created: boolean } | null>(null);
  const save = useMutation({
    mutationFn: (body: PutScoringRulesBody) => api<ScoringRulesResponse>(`/api/v1/scoring-rules/${domain}`, { method: "PUT", body: JSON.stringify(body) }),
    onSuccess: (r) => {
      qc.setQueryData(rulesKey(r.domain), r);
      setSaved({ domain: r.domain, version: r.version, created: r.new_version !== false });
    },
    onMutate: () => setSaved(null),
  });
  const saveError: SaveError | null =
    save.error instanceof ApiRequestError
      ? { message: save.error.message, details: save.error.details }
      : save.error
        ? { message: save.error.message, details: [] }
        : null;
  const data = rules.data;

  return (
    <Panel
      id="scoring"
      title="Scoring rules"
      description={
        <>
          How your organization weighs the six dimensions and draws the tier and confidence lines, per domain. Every save is a new version; each evaluation
          records the version it used, and its audit trace shows it.{" "}
          <a className="text-indigo-700 underline" href="/docs/api#putScoringRules">
            Other rules
          </a>{" "}
          can be set over the API.
        </>
      }
      actions={
        data && (
          <ConfirmButton
            label="Reset to defaults"
            confirmLabel="Reset to defaults"
            question="Saves the defaults as a new version."
            accessibleName={`Reset to defaults (${DOMAIN_LABEL[domain]})`}
            pending={save.isPending}
            onConfirm={() => save.mutate({ overrides: {} })}
          />
        )
      }
    >
      <div className="space-y-5">
        <fieldset>
          <legend className="block text-sm font-medium text-slate-800">Domain</legend>
          <div className="mt-1 inline-flex rounded-md border border-slate-300 bg-white p-0.5">
            {SCORING_DOMAINS.map((d) => (
              <label
                key={d}
                className={`cursor-pointer rounded px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 ${domain === d ? "bg-indigo-700 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                <input
                  type="radio"
                  name="scoring-domain"
                  value={d}
                  checked={domain === d}
                  onChange={() => {
                    setDomain(d);
                    setSaved(null);
                    save.reset();
                  }}
                  className="sr-only"
                />
                {DOMAIN_LABEL[d]}
              </label>
            ))}
          </div>
        </fieldset>

        {rules.isError ? (
          <LoadError what="the scoring rules" error={rules.error} retry={() => rules.refetch()} />
        ) : !data ? (
          <div className="py-6">
            <Spinner label="Loading scoring rules" />
          </div>
        ) : (
          <>
            <p className="text-sm text-slate-700" data-testid="rules-version">
              {data.version === 0 ? (
                <>Defaults (version 0): your organization has not changed these rules.</>
              ) : (
                <>
                  <span className="font-semibold text-slate-900">Version {data.version}</span>
                  {data.updated_at && (
                    <>
                      , saved{" "}
                      <time dateTime={data.updated_at} title={formatDateTime(data.updated_at)}>
                        {formatRelative(data.updated_at)}
                      </time>
                    </>
                  )}
                  {Object.keys(data.overrides).length === 0 ? " (the defaults)" : null}.
                </>
              )}
            </p>
            {data.legacy_notes && data.legacy_notes.length > 0 && (
              <Note tone="warning" data-testid="legacy-rules">
                <p className="font-medium">Rules saved for an earlier engine no longer apply; saving removes them.</p>
                <ul className="mt-1 list-disc pl-5">
                  {data.legacy_notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </Note>
            )}
            {saved && saved.domain === domain && (
              <div role="status">
                <Note>{saved.created ? `Saved as version ${saved.version}.` : `Nothing changed: still version ${saved.version}.`}</Note>
              </div>
            )}
            <ScoringForm
              key={`${domain}:${data.version}`}
              effective={data.effective as unknown as FormRules}
              defaults={data.defaults as unknown as FormRules}
              pending={save.isPending}
              error={saveError}
              observed={
                observedOf(data.effective) && observedOf(data.defaults)
                  ? { effective: observedOf(data.effective)!, defaults: observedOf(data.defaults)! }
                  : undefined
              }
              onSave={(values, observed) => {
                // The rule sits among placement's other rules: keep those overrides as they are.
                const placement = (data.overrides.placement ?? {}) as Record<string, unknown>;
                const rule = (placement.observed_quote_rate ?? {}) as Record<string, unknown>;
                const extra = observed ? { placement: { ...placement, observed_quote_rate: { ...rule, ...observed } } } : {};
                save.mutate({ overrides: { ...data.overrides, ...values, ...extra } });
              }}
            />
          </>
        )}
      </div>
    </Panel>
  );
}
