import type { DomainPack } from "../../types";
import { buildFieldMeta } from "../../field-meta";
import { STATE_NAMES } from "../../geo";
import { CarrierProfileSchema, CarrierSchema, type Carrier, type CarrierProfile } from "./schema";
import { CARRIER_RULES, type CarrierRules } from "./rules";
import { type CarrierCtx, prepareCarriers } from "./context";
import { CARRIER_FILTERS } from "./filters";
import { CARRIER_SCORERS } from "./scorers";
import { carrierAgeDays, carrierMissing } from "./quality";
import { carrierReasoning } from "./reasoning";
import { LINE_LABELS } from "./lines";

export const carriersDomain: DomainPack<CarrierProfile, Carrier, CarrierRules, CarrierCtx> = {
  id: "carriers",
  label: "Commercial insurance carriers",
  description: "Which carriers will write this risk, and which fit best: appetite guides scored on six dimensions.",
  profileSchema: CarrierProfileSchema,
  candidateSchema: CarrierSchema,
  defaultRules: CARRIER_RULES,
  fieldMeta: buildFieldMeta(CarrierProfileSchema, { state: STATE_NAMES, line: LINE_LABELS }),
  filterCodes: CARRIER_FILTERS.map((f) => f.code),
  filterRuleText: Object.fromEntries(CARRIER_FILTERS.map((f) => [f.code, f.text])),
  exampleProfile: { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12_000_000 },
  engine: {
    prepare: prepareCarriers,
    filters: CARRIER_FILTERS,
    scorers: CARRIER_SCORERS,
    dataAgeDays: carrierAgeDays,
    missingCount: (x, c) => carrierMissing(x, c, null),
    missingFields: (x, c) => {
      const names: string[] = [];
      carrierMissing(x, c, names);
      return names;
    },
    reasoning: carrierReasoning,
  },
};

export * from "./schema";
export * from "./lines";
export { CARRIER_RULES, type CarrierRules } from "./rules";
