/** Exposure figures in words: "$12M", "$2.5M payroll", "12 power units", bands "$10–15M" or "5–25 power units". */
import { band, money } from "../../format";
import type { CarrierCtx } from "./context";

export function exposureText(x: CarrierCtx, v: number): string {
  return x.unit.kind === "money" ? money(v) : `${v} ${x.unit.label}`;
}

export function bandText(x: CarrierCtx, lo: number | null | undefined, hi: number | null | undefined): string {
  if (x.unit.kind === "money") return band(lo, hi);
  if (hi == null) return lo ? `${lo}+ ${x.unit.label}` : "any size";
  return `${lo ?? 0}–${hi} ${x.unit.label}`;
}
