"use client";

import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/badges";
import { inputClass } from "@/components/settings/panel";

// The part of a domain's rules people tune most: the six weights and the tier and confidence
// thresholds. Other rules (filters, per-dimension tables) keep their overrides untouched and are
// set over the API (PUT /api/v1/scoring-rules/{domain}).

type Group = "weights" | "tier" | "confidence";
type Rules = Record<Group, Record<string, number>>;
type FieldDef = { group: Group; key: string; label: string; kind: "number" | "level"; step?: number; min?: number; max?: number; unit?: string };

const DIMENSIONS = ["appetite", "coverage", "financial", "pricing", "placement", "service"] as const;
const WEIGHT_FIELDS: FieldDef[] = DIMENSIONS.map((d) => ({
  group: "weights",
  key: d,
  label: d[0].toUpperCase() + d.slice(1),
  kind: "number",
  min: 0,
  step: 1,
}));
const TIER_FIELDS: FieldDef[] = [
  { group: "tier", key: "strong_min_score", label: "Strong fit: minimum score", kind: "number", min: 0, max: 100, step: 0.1 },
  { group: "tier", key: "strong_max_appetite_level", label: "Strong fit: worst appetite level", kind: "level" },
  { group: "tier", key: "strong_max_any_level", label: "Strong fit: worst level on any dimension", kind: "level" },
  { group: "tier", key: "moderate_min_score", label: "Moderate fit: minimum score", kind: "number", min: 0, max: 100, step: 0.1 },
  { group: "tier", key: "moderate_max_appetite_level", label: "Moderate fit: worst appetite level", kind: "level" },
];
const CONFIDENCE_FIELDS: FieldDef[] = [
  { group: "confidence", key: "medium_after_days", label: "At most medium when verified more than", kind: "number", min: 0, step: 1, unit: "days ago" },
  { group: "confidence", key: "low_after_days", label: "Low when verified more than", kind: "number", min: 0, step: 1, unit: "days ago" },
  { group: "confidence", key: "medium_missing_fields", label: "At most medium from", kind: "number", min: 1, step: 1, unit: "missing figures" },
  { group: "confidence", key: "low_missing_fields", label: "Low from", kind: "number", min: 1, step: 1, unit: "missing figures" },
];
const ALL_FIELDS = [...WEIGHT_FIELDS, ...TIER_FIELDS, ...CONFIDENCE_FIELDS];
const path = (f: FieldDef) => `${f.group}.${f.key}`;

export type SaveError = { message: string; details: { path: string; message: string }[] };

/** Carriers only (engine 2.1): the opt-in observed-quote-rate rule, `placement.observed_quote_rate`. */
export type ObservedRule = { enabled: boolean; min_submissions: number };
const OBSERVED_N = "placement.observed_quote_rate.min_submissions";
const OBSERVED_ON = "placement.observed_quote_rate.enabled";

export function ScoringForm({
  effective,
  defaults,
  pending,
  error,
  onSave,
  observed,
}: {
  effective: Rules;
  defaults: Rules;
  pending: boolean;
  error: SaveError | null;
  onSave: (values: Record<Group, Record<string, number | null>>, observed?: { enabled: boolean; min_submissions: number | null }) => void;
  /** The observed-quote-rate rule in force and its default, for a domain that has it. */
  observed?: { effective: ObservedRule; defaults: ObservedRule };
}) {
  const [values, setValues] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(ALL_FIELDS.map((f) => [path(f), String(effective[f.group][f.key])])),
    ...(observed ? { [OBSERVED_N]: String(observed.effective.min_submissions) } : {}),
  }));
  const [observedOn, setObservedOn] = useState(observed?.effective.enabled ?? false);
  // Fields edited since the last refused save no longer show its error.
  const [edited, setEdited] = useState<{ for: SaveError | null; paths: Set<string> }>({ for: error, paths: new Set() });
  const editedPaths = edited.for === error ? edited.paths : new Set<string>();
  // Server details are "overrides.weights.appetite"; each goes beside its field, a group's beside
  // the group, with rule names spelt as the labels people see.
  const details = (error?.details ?? [])
    .map((d) => ({ ...d, path: d.path.replace(/^overrides\./, "") }))
    .filter((d) => !editedPaths.has(d.path) && ![...editedPaths].some((p) => p.startsWith(`${d.path}.`)));
  const errors: Record<string, string> = {};
  for (const d of details) errors[d.path] ??= ALL_FIELDS.reduce((m, f) => m.replace(path(f), `“${f.label}”`), d.message.replace(/^overrides\.[\w.]+ /, ""));
  const placed = new Set([...ALL_FIELDS.map(path), "weights", "tier", "confidence", ...(observed ? [OBSERVED_N, OBSERVED_ON] : [])]);
  const unplaced = details.filter((d) => !placed.has(d.path));
  const totalWeight = WEIGHT_FIELDS.reduce((s, f) => s + (Number(values[path(f)]) || 0), 0);

  const field = (f: FieldDef) => (
    <RuleField
      key={path(f)}
      def={f}
      value={values[path(f)]}
      defaultValue={defaults[f.group][f.key]}
      error={errors[path(f)]}
      share={f.group === "weights" && totalWeight > 0 ? Math.round(((Number(values[path(f)]) || 0) / totalWeight) * 100) : undefined}
      onChange={(v) => {
        setValues((s) => ({ ...s, [path(f)]: v }));
        setEdited({ for: error, paths: new Set([...editedPaths, path(f)]) });
      }}
    />
  );

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        const out = { weights: {}, tier: {}, confidence: {} } as Record<Group, Record<string, number | null>>;
        for (const f of ALL_FIELDS) out[f.group][f.key] = values[path(f)].trim() === "" ? null : Number(values[path(f)]);
        const n = values[OBSERVED_N]?.trim() ?? "";
        onSave(out, observed ? { enabled: observedOn, min_submissions: n === "" ? null : Number(n) } : undefined);
      }}
    >
      {error && (error.details.length === 0 || details.length > 0) && (
        <ErrorNote>
          {error.details.length === 0
            ? `Not saved: ${error.message}`
            : `Not saved: ${details.length === 1 ? "one value needs" : `${details.length} values need`} a change, shown ${unplaced.length ? "below" : "beside the field"}.`}
          {unplaced.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {unplaced.map((d) => (
                <li key={d.path}>{errors[d.path]}</li>
              ))}
            </ul>
          )}
        </ErrorNote>
      )}
      <Group
        title="Dimension weights"
        note="The score is the weighted mean of the level points (L1 = 100 … L4 = 10). Weights are relative: only their proportions matter."
        error={errors.weights}
      >
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{WEIGHT_FIELDS.map(field)}</div>
      </Group>
      <Group
        title="Tier thresholds"
        note="A candidate is a strong fit when all three strong conditions hold, else a moderate fit when both moderate ones do, else a weak fit."
        error={errors.tier}
      >
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{TIER_FIELDS.map(field)}</div>
      </Group>
      <Group
        title="Confidence thresholds"
        note="How recent and complete a candidate's data must be. Confidence never changes the rank."
        error={errors.confidence}
      >
        <div className="grid gap-4 sm:grid-cols-2">{CONFIDENCE_FIELDS.map(field)}</div>
      </Group>
      {observed && (
        <Group
          title="Your own market data"
          note="Placement can use your organization's observed quote rate for a carrier in the profile's line (from your market plans, the Markets page) instead of the published hit ratio, once it has enough submissions. Off by default; the trace shows the figures used."
          error={errors[OBSERVED_ON]}
        >
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              checked={observedOn}
              onChange={(e) => {
                setObservedOn(e.target.checked);
                setEdited({ for: error, paths: new Set([...editedPaths, OBSERVED_ON]) });
              }}
              className="size-4 rounded border-slate-400 text-indigo-700"
            />
            Use the observed quote rate in placement
          </label>
          <div className="grid gap-4 sm:grid-cols-2">
            <RuleField
              def={{
                group: "confidence",
                key: "min_submissions",
                label: "Only with at least",
                kind: "number",
                min: 1,
                max: 1000,
                step: 1,
                unit: "submissions for the carrier and line",
              }}
              value={values[OBSERVED_N]}
              defaultValue={observed.defaults.min_submissions}
              error={errors[OBSERVED_N]}
              onChange={(v) => {
                setValues((s) => ({ ...s, [OBSERVED_N]: v }));
                setEdited({ for: error, paths: new Set([...editedPaths, OBSERVED_N]) });
              }}
            />
          </div>
        </Group>
      )}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save as new version"}
        </Button>
        <p className="text-xs text-slate-600">Evaluations submitted after saving use the new version; finished ones keep theirs.</p>
      </div>
    </form>
  );
}

function Group({ title, note, error, children }: { title: string; note: string; error?: string; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset aria-describedby={`${id}-note`} className="space-y-3">
      <legend className="text-sm font-semibold text-slate-900">{title}</legend>
      <p id={`${id}-note`} className="text-xs text-slate-600">
        {note}
      </p>
      {error && <p className="text-xs font-medium text-red-700">{error}</p>}
      {children}
    </fieldset>
  );
}

function RuleField({
  def,
  value,
  defaultValue,
  error,
  share,
  onChange,
}: {
  def: FieldDef;
  value: string;
  defaultValue: number;
  error?: string;
  share?: number;
  onChange: (v: string) => void;
}) {
  const id = useId();
  const changed = value.trim() !== "" && Number(value) !== defaultValue;
  const shown = def.kind === "level" ? `L${defaultValue}` : String(defaultValue);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {def.label}
      </label>
      <div className="mt-1 flex items-center gap-2">
        {def.kind === "level" ? (
          <select
            id={id}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={!!error}
            aria-describedby={`${id}-note`}
            className={`${inputClass(!!error)} max-w-28`}
          >
            {[1, 2, 3, 4].map((l) => (
              <option key={l} value={String(l)}>
                L{l}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            type="number"
            inputMode="decimal"
            value={value}
            min={def.min}
            max={def.max}
            step={def.step}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={!!error}
            aria-describedby={`${id}-note`}
            className={`${inputClass(!!error)} max-w-28`}
          />
        )}
        {def.unit && <span className="text-sm text-slate-600">{def.unit}</span>}
      </div>
      <p id={`${id}-note`} className={`mt-1 text-xs ${error ? "font-medium text-red-700" : "text-slate-600"}`}>
        {error ?? (
          <>
            Default {shown}
            {changed && <span className="ml-1 rounded bg-amber-100 px-1 text-amber-900">changed</span>}
            {share !== undefined && <span> · {share} % of the score</span>}
          </>
        )}
      </p>
    </div>
  );
}
