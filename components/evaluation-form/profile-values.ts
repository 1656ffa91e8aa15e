import { isMoney, type FieldMeta } from "./types";

// The form keeps what people typed (strings; numbers for currency inputs) and builds the profile
// the API receives from it: empty fields are left out, numeric text becomes a number, and text
// that is not a number stays text so that validation says so instead of silently dropping it.

export type FormValues = Record<string, string | number | undefined>;

const NUMERIC = /^-?\d+(\.\d+)?$/;

export function toProfile(values: FormValues, fields: FieldMeta[]): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v === undefined) continue;
    if (typeof v === "number") {
      profile[f.name] = v;
      continue;
    }
    const text = f.kind === "string" ? v : v.trim();
    if (text.trim() === "") continue;
    profile[f.name] = (f.kind === "number" || f.kind === "integer") && NUMERIC.test(text.replace(/,/g, "")) ? Number(text.replace(/,/g, "")) : text;
  }
  return profile;
}

/** A profile (the domain's example) → form values. */
export function fromProfile(profile: Record<string, unknown>, fields: FieldMeta[]): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const v = profile[f.name];
    if (v === undefined || v === null) continue;
    values[f.name] = isMoney(f) && typeof v === "number" ? v : String(v);
  }
  return values;
}

/**
 * The fields to show for what is filled in so far: a field with `shown_when` appears only when the
 * field it depends on has one of its values (carriers: payroll for workers' compensation, TIV for
 * property …), and one with `required_when` is required then. Hidden fields are not submitted.
 */
export function visibleFields(fields: FieldMeta[], values: FormValues): FieldMeta[] {
  const out: FieldMeta[] = [];
  for (const f of fields) {
    if (f.shown_when && !f.shown_when.values.includes(String(values[f.shown_when.field] ?? ""))) continue;
    const required = f.required_when !== undefined && f.required_when.values.includes(String(values[f.required_when.field] ?? ""));
    out.push(required && !f.required ? { ...f, required: true } : f);
  }
  return out;
}
