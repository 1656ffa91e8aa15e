/**
 * Fictional carrier names. Real insurers are never named: their appetite data here would be
 * invented. Names are coined from word lists; BLOCKED lists coinages that happen to match real
 * insurers or well-known financial firms.
 */
import type { Rng } from "./prng";

const ROOTS = [
  "Harbor",
  "Stone",
  "Cedar",
  "Granite",
  "Willow",
  "Copper",
  "Aspen",
  "Birch",
  "Clear",
  "Elm",
  "Fern",
  "Glen",
  "Hollow",
  "Juniper",
  "Lark",
  "Marsh",
  "Oak",
  "Pine",
  "Quarry",
  "Raven",
  "Sable",
  "Tide",
  "Wren",
  "Amber",
  "Bluff",
  "Drift",
  "Ember",
  "Flint",
  "Gale",
  "Heron",
  "Kestrel",
  "Lantern",
  "Mesa",
  "Onyx",
  "Prairie",
  "Slate",
  "Thistle",
  "Upland",
  "Yarrow",
  "Zephyr",
  "Alder",
  "Basin",
  "Cobalt",
  "Dune",
  "Falcon",
  "Hearth",
  "Iris",
  "Larch",
];
const ENDINGS = [
  "line",
  "gate",
  "brook",
  "field",
  "crest",
  "mark",
  "wood",
  "haven",
  "point",
  "ford",
  "view",
  "ridge",
  "mont",
  "wick",
  "fall",
  "bay",
  "stead",
  "moor",
];
const ADJECTIVES = ["Blue", "Granite", "Red", "Silver", "Golden", "Iron", "Black", "White", "Green", "Grey", "Lone", "High", "Old", "Tall", "Far"];
const LANDFORMS = ["Peak", "Heron", "Ridge", "River", "Harbor", "Valley", "Mesa", "Bay", "Falls", "Summit", "Pines", "Canyon", "Meadow", "Prairie", "Lake"];
const ADMITTED_SUFFIXES: readonly (readonly [string, number])[] = [
  ["Mutual", 4],
  ["Insurance Company", 4],
  ["Casualty", 3],
  ["Indemnity", 3],
  ["Assurance", 2],
  ["Fire & Casualty", 2],
  ["General", 1],
  ["Insurance Group", 2],
  ["Underwriters", 1],
  ["Mutual Insurance", 2],
];
const SPECIALTY_SUFFIXES: readonly (readonly [string, number])[] = [
  ["Specialty", 4],
  ["Excess & Surplus", 2],
  ["Surplus Lines", 2],
  ["Specialty Insurance", 2],
  ["Excess", 1],
];
const BLOCKED = new Set([
  "Northfield",
  "Northbridge",
  "Brookfield",
  "Clearwater",
  "Harborpoint",
  "Stonebridge",
  "Stonetrust",
  "Oakwood",
  "Pinecrest",
  "Glenbrook",
  "Cedarbrook",
  "Elmwood",
  "Falconridge",
  "Stonegate",
  "Oakmont",
  "Pinebrook",
  "Stonewood",
  "Lonestar",
  "Blue Ridge",
  "Golden Bear",
  "Red River",
  "Silver Lake",
  "Granite State",
  "Iron River",
  "Black Bear",
  "High Point",
]);
const PLACES = [
  "of Ohio",
  "of New England",
  "of the Midwest",
  "of the Carolinas",
  "of Texas",
  "of the West",
  "of the Plains",
  "of the Gulf",
  "of the Rockies",
  "of the Lakes",
];

export function carrierName(rng: Rng, specialty: boolean, used: Set<string>): string {
  const suffixes = specialty ? SPECIALTY_SUFFIXES : ADMITTED_SUFFIXES;
  // Past ~9,000 names the coinages are mostly taken: give up early instead of retrying 40 times.
  const attempts = used.size > 9000 ? 4 : 40;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const stem = rng.chance(0.65) ? rng.pick(ROOTS) + rng.pick(ENDINGS) : `${rng.pick(ADJECTIVES)} ${rng.pick(LANDFORMS)}`;
    if (BLOCKED.has(stem)) continue;
    let name = `${stem} ${rng.weighted(suffixes)}`;
    if (attempt >= attempts / 2) name += ` ${rng.pick(PLACES)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  // Very large pools (benchmarks) run out of coinages; a numbered name keeps names unique.
  const name = `${rng.pick(ROOTS)}${rng.pick(ENDINGS)} ${rng.weighted(suffixes)} No. ${used.size + 1}`;
  used.add(name);
  return name;
}

/** "Granite Harbor Casualty of Texas" → "Granite Harbor": the part an affiliate's name shares. */
export function nameStem(name: string): string {
  const base = name.replace(/ of .*$/, "").replace(/ No\. \d+$/, "");
  for (const [suffix] of [...ADMITTED_SUFFIXES].sort((a, b) => b[0].length - a[0].length)) {
    if (base.endsWith(` ${suffix}`)) return base.slice(0, -suffix.length - 1);
  }
  return base;
}
