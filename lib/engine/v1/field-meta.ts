/* eslint-disable @typescript-eslint/no-explicit-any -- frozen copy of engine 1.0.0 (lib/engine/v1/index.ts): kept byte-for-byte in behaviour */
import { z } from "zod";
import type { FieldMeta } from "./types";

interface JsonProp {
  type?: string;
  enum?: string[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  title?: string;
  description?: string;
  examples?: unknown[];
}

/**
 * Form metadata for the dashboard, read from the profile schema itself (its `.meta()` titles and
 * descriptions, enums, bounds), so the form and the API can never describe different fields.
 */
export function buildFieldMeta(schema: z.ZodObject<any>, optionLabels: Record<string, Record<string, string>>): FieldMeta[] {
  const json = z.toJSONSchema(schema, { io: "input" }) as { properties: Record<string, JsonProp>; required?: string[] };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties).map(([name, p]) => {
    const kind: FieldMeta["kind"] = p.enum
      ? "enum"
      : p.format === "date"
        ? "date"
        : p.type === "integer"
          ? "integer"
          : p.type === "number"
            ? "number"
            : "string";
    const labels = optionLabels[name];
    const meta: FieldMeta = { name, title: p.title ?? name, description: p.description ?? "", required: required.has(name), kind };
    if (p.enum) meta.options = p.enum.map((value) => ({ value, label: labels?.[value] ?? value }));
    const min = p.minimum ?? p.minLength;
    const max = p.maximum ?? p.maxLength;
    if (min !== undefined) meta.min = min;
    if (max !== undefined && max < Number.MAX_SAFE_INTEGER) meta.max = max;
    if (p.pattern && kind === "string") meta.pattern = p.pattern;
    const ex = p.examples?.[0];
    if (typeof ex === "string" || typeof ex === "number") meta.example = ex;
    return meta;
  });
}
