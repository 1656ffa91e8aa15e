/**
 * Surplus lines by home state: what a state requires before a risk may go to a non-admitted
 * (E&S) carrier, and what the placement owes. Under the Nonadmitted and Reinsurance Reform Act of
 * 2010 (15 U.S.C. §§ 8201–8206) only the insured's home state may tax a surplus-lines placement
 * and only its diligent-search rules apply, so one row per home state is enough.
 *
 * The rates are the state premium tax and stamping/service fee as published in the state
 * statutes cited (summarised in Locke Lord's Surplus Lines Manual, App. A "Surplus lines tax laws
 * by state"); they change, so the table lives in the carrier rules (`surplus_lines.states`) where
 * an organization overrides a row without a code change. Declinations: where the statute names a
 * number it is cited (`basis: "statute"`); elsewhere the common practice of three admitted
 * declinations is used (`basis: "practice"`) — confirm with the state's surplus-lines office.
 * Special surcharges (fire-marshal taxes on fire lines, wind-pool fees, flat filing fees) are
 * left out: they apply to some lines only.
 */
import type { State } from "../../geo";

export interface SurplusLinesRow {
  /** Declinations from admitted carriers the diligent search needs before an SL placement. */
  declinations_required: number;
  /** Surplus-lines premium tax, as a fraction of premium (0.03 = 3 %). */
  tax_rate: number;
  /** Stamping / service fee, as a fraction of premium. */
  stamping_fee_rate: number;
  /** Where the figures come from. */
  source: string;
  /** "statute": the declination count is in the cited law; "practice": the common three. */
  basis: "statute" | "practice";
}

const T = (tax: number, fee: number, source: string, declinations = 3, basis: "statute" | "practice" = "practice"): SurplusLinesRow => ({
  declinations_required: declinations,
  tax_rate: tax,
  stamping_fee_rate: fee,
  source,
  basis,
});

export const SURPLUS_LINES_BY_STATE: Record<State, SurplusLinesRow> = {
  AL: T(0.06, 0, "Ala. Code §27-10-31"),
  AK: T(0.027, 0, "Alaska Stat. §21.34.180"),
  AZ: T(0.03, 0.002, "Ariz. Rev. Stat. §20-416"),
  AR: T(0.04, 0, "Ark. Code §23-65-315"),
  CA: T(0.03, 0.0018, "Cal. Ins. Code §1763 (three declinations from admitted insurers), §1775.5 (3 % tax); SLA stamping fee 0.18 %", 3, "statute"),
  CO: T(0.03, 0, "Colo. Rev. Stat. §10-5-111"),
  CT: T(0.04, 0, "Conn. Gen. Stat. §38a-743"),
  DE: T(0.03, 0, "Del. Code tit. 18 §1925"),
  DC: T(0.02, 0, "D.C. Code §31-2502.40"),
  FL: T(0.0494, 0.0006, "Fla. Stat. §626.916 and §626.914(4) (diligent effort: three rejections), §626.932 (4.94 % tax), FSLSO service fee", 3, "statute"),
  GA: T(0.04, 0, "Ga. Code §33-5-31"),
  HI: T(0.0468, 0, "Haw. Rev. Stat. §431:8-315"),
  ID: T(0.015, 0.005, "Idaho Code §41-1229"),
  IL: T(0.035, 0.0004, "215 ILCS 5/445"),
  IN: T(0.025, 0, "Ind. Code §27-1-15.8-4"),
  IA: T(0.00925, 0, "Iowa Code §432.1 (0.925 % for 2026)"),
  KS: T(0.03, 0, "Kan. Stat. §40-246c"),
  KY: T(0.048, 0, "Ky. Rev. Stat. §304.10-180 (3 % tax + 1.8 % surcharge)"),
  LA: T(0.0485, 0, "La. Rev. Stat. §22:439"),
  ME: T(0.03, 0, "Me. Rev. Stat. tit. 24-A §2016"),
  MD: T(0.03, 0, "Md. Code, Ins. §3-324"),
  MA: T(0.04, 0, "Mass. Gen. Laws ch. 175 §168"),
  MI: T(0.02, 0.005, "Mich. Comp. Laws §500.1905 (2 % tax + 0.5 % regulatory fee)"),
  MN: T(0.03, 0.0004, "Minn. Stat. §297I.05 subd. 7"),
  MS: T(0.04, 0.0025, "Miss. Code §83-21-25"),
  MO: T(0.05, 0, "Mo. Rev. Stat. §384.059"),
  MT: T(0.0275, 0, "Mont. Code §33-2-311"),
  NE: T(0.03, 0, "Neb. Rev. Stat. §44-5506"),
  NV: T(0.035, 0.0004, "Nev. Rev. Stat. §685A.180"),
  NH: T(0.03, 0, "N.H. Rev. Stat. §405:28"),
  NJ: T(0.05, 0, "N.J. Stat. §17:22-6.59"),
  NM: T(0.03003, 0, "N.M. Stat. §59A-14-12"),
  NY: T(
    0.036,
    0.0015,
    "N.Y. Ins. Law §2118(b)(3) (three declinations from authorized insurers), Tax Law §2118 3.6 % tax; ELANY stamping fee 0.15 %",
    3,
    "statute",
  ),
  NC: T(0.05, 0, "N.C. Gen. Stat. §58-21-85"),
  ND: T(0.0175, 0, "N.D. Cent. Code §26.1-44-03"),
  OH: T(0.05, 0, "Ohio Rev. Code §3905.36"),
  OK: T(0.06, 0, "Okla. Stat. tit. 36 §1115"),
  OR: T(0.02, 0.003, "Or. Rev. Stat. §735.470 (2 % tax + 0.3 % fire-marshal office tax)"),
  PA: T(0.03, 0, "40 P.S. §991.1621"),
  RI: T(0.04, 0, "R.I. Gen. Laws §27-3-38"),
  SC: T(0.06, 0, "S.C. Code §38-45-60"),
  SD: T(0.025, 0, "S.D. Codified Laws §58-32-33"),
  TN: T(0.05, 0, "Tenn. Code §56-14-113"),
  TX: T(0.0485, 0.0004, "Tex. Ins. Code §225.002 (4.85 % tax); SLTX stamping fee 0.04 %"),
  UT: T(0.0425, 0.001, "Utah Code §31A-3-301"),
  VT: T(0.03, 0, "Vt. Stat. tit. 8 §5035"),
  VA: T(0.0225, 0, "Va. Code §38.2-4809"),
  WA: T(0.02, 0, "Wash. Rev. Code §48.15.120"),
  WV: T(0.0455, 0, "W. Va. Code §33-12C-7"),
  WI: T(0.03, 0, "Wis. Stat. §618.43"),
  WY: T(0.03, 0, "Wyo. Stat. §26-11-120"),
};

export interface SurplusLinesRequirement extends SurplusLinesRow {
  state: State;
  /** tax_rate + stamping_fee_rate: what an SL placement adds to the premium. */
  total_rate: number;
}

/**
 * What the home state requires of a surplus-lines placement: admitted declinations (diligent
 * search), tax and fee. Pure; pass the organization's merged rules table to honour its overrides.
 * A market plan / diligent-search record builds on this.
 */
export function surplusLinesRequirement(state: State, table: Record<State, SurplusLinesRow> = SURPLUS_LINES_BY_STATE): SurplusLinesRequirement {
  const row = table[state];
  return { state, ...row, total_rate: Math.round((row.tax_rate + row.stamping_fee_rate) * 1e6) / 1e6 };
}
