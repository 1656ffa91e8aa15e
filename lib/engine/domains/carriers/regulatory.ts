/**
 * Regulatory knock-outs: rules of law a placement desk applies before looking at any appetite
 * guide. Data, not code: each row names the lines and states it covers, which markets it removes
 * and the public source it rests on; filters.ts turns every row into an eligibility filter that
 * runs first, with the row's code and source in the trace. Not organization-overridable: a
 * brokerage cannot opt out of a statute.
 */
import type { State } from "../../geo";
import type { Line } from "./lines";

export interface RegulatoryRule {
  code: string;
  lines: readonly Line[];
  /** Home states the rule applies in; null: every state. */
  states: readonly State[] | null;
  /** "any": no private carrier may write it there; "surplus_lines": only the surplus-lines path is closed. */
  removes: "any" | "surplus_lines";
  text: string;
  source: string;
}

/** Workers' compensation is written only by the state fund in these four (NCCI: "monopolistic states"). */
export const MONOPOLISTIC_WC_STATES: readonly State[] = ["ND", "OH", "WA", "WY"];

export const REGULATORY_RULES: readonly RegulatoryRule[] = [
  {
    code: "monopolistic_wc_state",
    lines: ["workers_compensation"],
    states: MONOPOLISTIC_WC_STATES,
    removes: "any",
    text: "Workers' compensation in a monopolistic state is written only by the state fund; private carriers may offer employers' liability (stop gap) at most.",
    source:
      "NCCI, monopolistic state funds (ND, OH, WA, WY); N.D. Cent. Code tit. 65 (Workforce Safety & Insurance); Ohio Rev. Code ch. 4123 (Bureau of Workers' Compensation); Wash. Rev. Code tit. 51 (Dept. of Labor & Industries); Wyo. Stat. tit. 27 ch. 14 (Workers' Compensation Division)",
  },
  {
    code: "admitted_only_line",
    lines: ["workers_compensation"],
    states: null,
    removes: "surplus_lines",
    text: "Statutory workers' compensation must be bought from an insurer authorized (admitted) in the state; it is not placed in surplus lines.",
    source:
      "State workers' compensation acts require insurance from an authorized insurer, e.g. Cal. Lab. Code §3700(a), N.Y. Workers' Comp. Law §50; surplus-lines laws export only cover not procurable from admitted insurers (e.g. Cal. Ins. Code §1763)",
  },
];

/** True when the rule covers this line in this home state. */
export function ruleApplies(r: RegulatoryRule, line: Line, state: State): boolean {
  return r.lines.includes(line) && (r.states === null || r.states.includes(state));
}
