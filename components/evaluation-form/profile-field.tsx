"use client";

import { memo } from "react";
import { MoneyInput } from "@/components/ui/money-input";
import { isMoney, type FieldMeta } from "./types";

export const fieldId = (name: string) => `field-${name}`;

const control = (invalid: boolean) =>
  `mt-1 block h-10 w-full rounded-md border bg-white px-3 text-sm shadow-sm ${invalid ? "border-red-500 ring-1 ring-red-500" : "border-slate-300"}`;

interface Props {
  field: FieldMeta;
  value: string | number | undefined;
  error?: string;
  onChange: (name: string, value: string | number | undefined) => void;
  onBlur: (name: string) => void;
}

/** One profile field, drawn from its metadata: label, help text, the right input, its error. */
export const ProfileField = memo(function ProfileField({ field: f, value, error, onChange, onBlur }: Props) {
  const id = fieldId(f.name);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const common = {
    id,
    name: f.name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [f.description ? helpId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined,
    "aria-required": f.required || undefined,
    onBlur: () => onBlur(f.name),
    className: control(Boolean(error)),
  };
  const text = typeof value === "number" ? String(value) : (value ?? "");

  let input;
  if (f.kind === "enum") {
    input = (
      <select {...common} value={text} onChange={(e) => onChange(f.name, e.target.value)}>
        <option value="">{f.required ? "Choose…" : "Not specified"}</option>
        {f.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label !== o.value && o.value.length <= 3 ? `${o.label} (${o.value})` : o.label}
          </option>
        ))}
      </select>
    );
  } else if (isMoney(f)) {
    input = (
      <MoneyInput
        {...common}
        value={typeof value === "number" ? value : undefined}
        onValueChange={(n) => onChange(f.name, n)}
        placeholder={typeof f.example === "number" ? `e.g. $${f.example.toLocaleString("en-US")}` : "$0"}
      />
    );
  } else if (f.kind === "date") {
    input = <input {...common} type="date" value={text} onChange={(e) => onChange(f.name, e.target.value)} />;
  } else {
    const numeric = f.kind === "number" || f.kind === "integer";
    input = (
      <input
        {...common}
        type="text"
        inputMode={numeric ? (f.kind === "integer" ? "numeric" : "decimal") : undefined}
        autoComplete="off"
        spellCheck={numeric ? false : undefined}
        value={text}
        placeholder={f.example !== undefined ? `e.g. ${f.example}` : undefined}
        onChange={(e) => onChange(f.name, e.target.value)}
      />
    );
  }

  return (
    <div data-field={f.name}>
      <label htmlFor={id} className="flex items-baseline justify-between gap-2 text-sm font-medium text-slate-900">
        {f.title}
        {!f.required && <span className="text-xs font-normal text-slate-500">optional</span>}
      </label>
      {input}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700" data-testid={`error-${f.name}`}>
          {error}
        </p>
      ) : null}
      {f.description && (
        <p id={helpId} className="mt-1 text-xs text-slate-600">
          {f.description}
        </p>
      )}
    </div>
  );
});
