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
  product_liability: ["31", "32", "33", "423", "424"],
  business_owners: ["44", "45", "72", "81", "541"],
  inland_marine: ["23", "42", "48", "532"],
  crime: ["52", "44", "45", "62", "813"],
};

/**
 * Classes often prohibited, as NAICS 2022 codes: explosives/fireworks manufacturing (325920),
 * long-haul truckload (484121), site preparation incl. demolition (238910), oil & gas extraction
 * (2111), tobacco, e-cigarette and other smoking supplies retailers (459991, which replaced
 * 2017's 453991), other chemical products (325998), waste treatment and disposal (5622),
 * amusement parks (713110), other fabricated metal products incl. ammunition (3329).
 */
export const PROHIBITED_NAICS = ["325920", "484121", "238910", "2111", "459991", "325998", "5622", "713110", "3329"] as const;

/** Classes carriers commonly "consider" (underwrite case by case) per line, beside their targets. */
export const CONSIDER_NAICS: Record<Line, readonly string[]> = {
  professional_liability: ["5414", "5417", "5419", "6214", "8129"],
  general_liability: ["236", "238", "42", "48", "71"],
  property: ["45", "72", "81", "493"],
  workers_compensation: ["42", "44", "45", "48", "81"],
  commercial_auto: ["238", "44", "45", "72"],
  cyber: ["44", "45", "541", "72"],
  directors_officers: ["62", "44", "31", "33"],
  employment_practices: ["23", "31", "42", "81"],
  umbrella: ["44", "45", "72", "81"],
  product_liability: ["44", "45", "311", "339"],
  business_owners: ["42", "62", "531"],
  inland_marine: ["44", "45", "811"],
  crime: ["42", "541", "72", "81"],
};

/** States where carriers commonly restrict an appetite: coastal catastrophe property, NY contractors' GL (Labor Law §240), litigious auto venues. */
export const TOUGH_STATES: Partial<Record<Line, readonly State[]>> = {
  property: ["FL", "LA", "TX", "SC", "NC", "CA", "HI"],
  general_liability: ["NY", "CA", "IL"],
  commercial_auto: ["FL", "GA", "LA", "TX", "NY"],
  umbrella: ["NY", "FL", "LA"],
  workers_compensation: ["CA", "FL", "IL", "NJ"],
  product_liability: ["CA", "IL", "PA"],
};
