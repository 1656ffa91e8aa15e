/** Reference figures for the carrier generator. */
import type { State } from "../../engine/geo";
import type { Line } from "../../engine/domains/carriers/lines";

/** Approximate population in millions: where regional carriers are based follows where the premium is. */
export const STATE_POPULATION_M: Record<State, number> = {
  CA: 39, TX: 30, FL: 22, NY: 20, PA: 13, IL: 12.5, OH: 11.8, GA: 11, NC: 10.8, MI: 10, NJ: 9.3, VA: 8.7, WA: 7.8,
  AZ: 7.4, TN: 7.1, MA: 7, IN: 6.9, MO: 6.2, MD: 6.2, WI: 5.9, CO: 5.9, MN: 5.7, SC: 5.4, AL: 5.1, LA: 4.6, KY: 4.5,
  OR: 4.2, OK: 4, CT: 3.6, UT: 3.4, IA: 3.2, NV: 3.2, AR: 3, MS: 2.9, KS: 2.9, NM: 2.1, NE: 2, ID: 2, WV: 1.8, HI: 1.4,
  NH: 1.4, ME: 1.4, MT: 1.1, RI: 1.1, DE: 1, SD: 0.9, ND: 0.8, AK: 0.7, DC: 0.7, VT: 0.6, WY: 0.6,
};

/** Regions regional carriers grow within. */
export const STATE_REGION: Record<State, string> = {
  CT: "NE", ME: "NE", MA: "NE", NH: "NE", RI: "NE", VT: "NE",
  NY: "MA", NJ: "MA", PA: "MA", DE: "MA", MD: "MA", DC: "MA",
  VA: "SE", WV: "SE", NC: "SE", SC: "SE", GA: "SE", FL: "SE", AL: "SE", MS: "SE", TN: "SE", KY: "SE",
  OH: "MW", MI: "MW", IN: "MW", IL: "MW", WI: "MW", MN: "MW", IA: "MW", MO: "MW",
  ND: "PL", SD: "PL", NE: "PL", KS: "PL", OK: "PL",
  TX: "SC", LA: "SC", AR: "SC",
  MT: "MT", ID: "MT", WY: "MT", CO: "MT", UT: "MT", NV: "MT", AZ: "MT", NM: "MT",
  CA: "PC", OR: "PC", WA: "PC", AK: "PC", HI: "PC",
};

/** NAICS class prefixes carriers commonly target per line. */
export const LINE_NAICS: Record<Line, readonly string[]> = {
  professional_liability: ["5411", "5412", "5413", "5415", "5416", "5418", "6211", "6213", "5242", "5313"],
  general_liability: ["23", "44", "45", "72", "81", "531", "561"],
  property: ["31", "32", "33", "42", "44", "531", "721"],
  workers_compensation: ["23", "31", "32", "33", "62", "72", "561"],
  commercial_auto: ["23", "42", "48", "49", "56"],
  cyber: ["5415", "5182", "52", "62", "611", "92"],
  directors_officers: ["52", "5415", "541", "813"],
  employment_practices: ["44", "45", "62", "72", "541", "561"],
  umbrella: ["23", "31", "42", "48", "531"],
  product_liability: ["31", "32", "33", "42", "4541"],
  business_owners: ["44", "45", "72", "81", "541"],
  inland_marine: ["23", "42", "48", "532"],
  crime: ["52", "44", "45", "62", "813"],
};

/** Classes often prohibited: fireworks, long-haul trucking, demolition, oil & gas, tobacco/cannabis retail, explosives, waste. */
export const PROHIBITED_NAICS = ["325920", "484121", "238910", "2111", "453991", "325998", "5622", "713110", "3329"] as const;
