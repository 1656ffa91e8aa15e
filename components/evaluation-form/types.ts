import type { FieldMeta } from "@/lib/engine/types";

/** What the server page hands the form for one domain: all plain data. */
export interface DomainForm {
  id: string;
  label: string;
  fieldMeta: FieldMeta[];
  exampleProfile: Record<string, unknown>;
}

export type { FieldMeta };

/**
 * Amounts in dollars get the currency input. FieldMeta has no "currency" format, so we recognise
 * them by the unit the schema's title states ("Annual revenue (USD)").
 */
export const isMoney = (f: FieldMeta) => (f.kind === "number" || f.kind === "integer") && /\bUSD\b/.test(f.title);
