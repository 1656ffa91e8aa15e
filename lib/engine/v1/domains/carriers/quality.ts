/** Data completeness and age of a carrier record, the inputs of the confidence rule. */
import { dayNumber } from "../../dates";
import type { Carrier } from "./schema";
import type { CarrierCtx } from "./context";

export function carrierAgeDays(x: CarrierCtx, c: Carrier): number {
  return x.asOfDay - dayNumber(c.last_verified);
}

function miss(absent: boolean, name: string, names: string[] | null): number {
  if (!absent) return 0;
  if (names) names.push(name);
  return 1;
}

/** Counts the missing figures the scorers rely on; lists their names when `names` is given. */
export function carrierMissing(x: CarrierCtx, c: Carrier, names: string[] | null): number {
  const l = c.lines[x.line];
  const p = c.placement;
  const s = c.service;
  return (
    miss(c.financial_size == null, "financial_size", names) +
    miss(l?.max_limit == null, x.lineFieldNames[0], names) +
    miss(l?.rate_position == null, x.lineFieldNames[1], names) +
    miss(!l?.features || l.features.length === 0, x.lineFieldNames[2], names) +
    miss(p?.quote_turnaround_days == null, "placement.quote_turnaround_days", names) +
    miss(p?.hit_ratio == null, "placement.hit_ratio", names) +
    miss(s?.claims_satisfaction == null, "service.claims_satisfaction", names) +
    miss(s?.naic_complaint_index == null, "service.naic_complaint_index", names)
  );
}
