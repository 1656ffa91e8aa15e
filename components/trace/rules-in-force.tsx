import { Card } from "@/components/ui/badges";
import { humanize } from "@/components/trace/format";

/** The tier and confidence rules and the dimension weights this run used (identified by the rules hash). */
export function RulesInForce({ rules, rulesHash }: { rules: { tier: unknown; confidence: unknown; weights: unknown }; rulesHash?: string }) {
  const weights = isNumberRecord(rules.weights) ? Object.entries(rules.weights) : [];
  return (
    <Card title="Rules in force">
      <div className="space-y-4 text-sm">
        <p className="text-slate-600">
          The rules are data, versioned by their hash{rulesHash ? <> (<code className="font-mono text-xs">{rulesHash.slice(0, 12)}</code>)</> : null}: running the same inputs with the same pool version and engine gives the same result.
        </p>
        {weights.length > 0 && (
          <div>
            <h3 className="font-medium text-slate-900">Dimension weights</h3>
            <dl className="mt-2 flex flex-wrap gap-2">
              {weights.map(([k, v]) => (
                <div key={k} className="rounded-md border border-slate-200 px-3 py-1.5">
                  <dt className="text-xs text-slate-600">{humanize(k)}</dt>
                  <dd className="font-semibold tabular-nums">{v}</dd>
                </div>
              ))}
            </dl>
          </div>
        )}
        <RuleBlock title="Tier rules" value={rules.tier} />
        <RuleBlock title="Confidence rules" value={rules.confidence} />
      </div>
    </Card>
  );
}

function RuleBlock({ title, value }: { title: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <details className="group rounded-md border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 font-medium text-slate-900 hover:bg-slate-50">{title}</summary>
      <pre className="overflow-x-auto border-t border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-800">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

const isNumberRecord = (v: unknown): v is Record<string, number> =>
  !!v && typeof v === "object" && !Array.isArray(v) && Object.values(v as object).every((x) => typeof x === "number");
