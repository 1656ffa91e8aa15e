import { Card } from "@/components/ui/badges";
import { formatValue, humanize } from "@/components/trace/format";

// The tier and confidence thresholds and the dimension weights this run used. They are data
// (flat records of numbers), identified by the rules hash; anything else is shown as JSON.

export function RulesInForce({
  rules,
  rulesHash,
  rulesVersion,
}: {
  rules: { tier: unknown; confidence: unknown; weights: unknown };
  rulesHash?: string;
  rulesVersion?: number;
}) {
  return (
    <Card title="Rules in force">
      <div className="space-y-4 text-sm">
        <p className="text-slate-600">
          {rulesVersion ? `Your organization's rules, version ${rulesVersion}. ` : "The default rules (your organization had not changed them). "}
          Rules are data, identified by their hash
          {rulesHash ? (
            <>
              {" "}
              <code className="font-mono text-xs">{rulesHash.slice(0, 12)}</code>
            </>
          ) : null}
          : the same inputs, pool version, rules and engine version always give the same result.
        </p>
        <div className="grid gap-4 md:grid-cols-3">
          <RuleBlock title="Dimension weights" value={rules.weights} />
          <RuleBlock title="Tier thresholds" value={rules.tier} note="Levels as numbers: 1 = L1 … 4 = L4." />
          <RuleBlock title="Confidence thresholds" value={rules.confidence} />
        </div>
      </div>
    </Card>
  );
}

/** One level of nesting is spread out: `missing_weights: {rate_position: 2}` → "Missing weights · rate position". */
function spread(value: unknown): Record<string, unknown> | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v)) {
        if (typeof v2 === "object" && v2 !== null) return null;
        out[`${k}.${k2}`] = v2;
      }
    } else out[k] = v;
  }
  return out;
}

function RuleBlock({ title, value, note }: { title: string; value: unknown; note?: string }) {
  if (value === null || value === undefined) return null;
  const entries = spread(value);
  const flat = entries !== null;
  return (
    <div className="rounded-md border border-slate-200 px-4 py-3">
      <h3 className="font-medium text-slate-900">{title}</h3>
      {flat ? (
        <dl className="mt-2 space-y-1">
          {Object.entries(entries).map(([k, v]) => (
            <div key={k} className="flex justify-between gap-4">
              <dt className="text-slate-600">{k.split(".").map(humanize).join(" · ")}</dt>
              <dd className="font-medium tabular-nums text-slate-900">{formatValue(k, v)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">{JSON.stringify(value, null, 2)}</pre>
      )}
      {note && <p className="mt-2 text-xs text-slate-600">{note}</p>}
    </div>
  );
}
