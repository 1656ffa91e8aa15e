import { describe, expect, it } from "vitest";
import { evaluate, explain, type Provider, type ProviderProfile } from "@/lib/engine";
import { EARTH_RADIUS_MI, countyTypeOf, haversineMiles, zipDistanceMiles, zipPoint } from "@/lib/engine/domains/providers/distance";
import { COUNTY_TYPES, DISTANCE_STANDARDS_MI, classifyCounty } from "@/lib/engine/domains/providers/standards";
import { SPECIALTIES } from "@/lib/engine/domains/providers/schema";
import { generateProviders } from "@/lib/pools/demo";
import { AS_OF, PROVIDER_PROFILE, provider } from "./fixtures";

const rad = Math.PI / 180;
const pt = (lat: number, lon: number) => ({ lat: lat * rad, lon: lon * rad, cosLat: Math.cos(lat * rad), approx: false });

describe("great-circle distance", () => {
  it("measures a degree of latitude and a quarter meridian as the sphere says", () => {
    expect(haversineMiles(pt(0, 0), pt(1, 0))).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_MI) / 360, 6); // 69.09 mi
    expect(haversineMiles(pt(0, 0), pt(90, 0))).toBeCloseTo((Math.PI * EARTH_RADIUS_MI) / 2, 6); // 6,218 mi
    // Along the 60th parallel a degree of longitude spans about half the equator's (69.09 / 2).
    expect(haversineMiles(pt(60, 0), pt(60, 1))).toBeCloseTo(34.54, 1);
  });

  // Known pairs: straight-line distances between the cities' centres, from the Census ZCTA
  // centroids (2021 Gazetteer) — e.g. 10001 at 40.7507 N 73.9973 W, 90001 at 33.9740 N 118.2484 W.
  it.each<[string, string, number, number]>([
    ["10001", "90001", 2448, 5], // Midtown Manhattan → South Los Angeles
    ["02108", "10001", 188, 3], // Boston Beacon Hill → Manhattan
    ["98101", "97201", 146, 3], // Downtown Seattle → Portland
    ["60601", "60614", 2.9, 0.4], // Chicago Loop → Lincoln Park
    ["10001", "10019", 1.2, 0.3], // Chelsea → Midtown West
  ])("%s → %s ≈ %d mi", (a, b, miles, tolerance) => {
    const d = zipDistanceMiles(a, b)!;
    expect(Math.abs(d - miles)).toBeLessThanOrEqual(tolerance);
    expect(zipDistanceMiles(b, a)).toBeCloseTo(d, 9);
  });

  it("is zero from a ZIP to itself, falls back to the ZIP3 centre for non-ZCTA ZIPs, and is unknown without either", () => {
    expect(zipDistanceMiles("94110", "94110")).toBe(0);
    expect(zipPoint("94110")!.approx).toBe(false);
    // 94199 is a San Francisco PO-box ZIP with no ZCTA: the mean of the 941xx centroids stands in.
    expect(zipPoint("94199")!.approx).toBe(true);
    expect(zipDistanceMiles("94110", "94199")!).toBeLessThan(3);
    expect(zipPoint("00000")).toBeNull();
    expect(zipDistanceMiles("94110", "00000")).toBeNull();
  });
});

describe("county types (42 CFR 422.116(c) criteria)", () => {
  it.each<[number, number, string]>([
    [1_500_000, 1_200, "large_metro"],
    [1_500_000, 900, "metro"],
    [700_000, 1_600, "large_metro"],
    [700_000, 1_400, "metro"],
    [300_000, 4_000, "metro"],
    [120_000, 150, "metro"],
    [120_000, 50, "micro"],
    [30_000, 60, "micro"],
    [30_000, 30, "rural"],
    [8_000, 600, "micro"],
    [8_000, 300, "rural"],
    [2_000_000, 9, "ceac"],
    [3_000, 6_000, "large_metro"],
  ])("%d people at %d per sq mi → %s", (pop, density, type) => {
    expect(classifyCounty(pop, density)).toBe(type);
  });

  it.each<[string, string]>([
    ["10001", "large_metro"], // New York County, NY
    ["94110", "large_metro"], // San Francisco
    ["85004", "metro"], // Maricopa, AZ: 4.4M people but under 1,000 per sq mi
    ["97801", "micro"], // Umatilla, OR
    ["97850", "rural"], // Union, OR
    ["82190", "ceac"], // Park, WY (Yellowstone)
    ["99723", "ceac"], // North Slope, AK
  ])("ZIP %s is in a %s county", (zip, type) => {
    expect(countyTypeOf(zip)).toBe(type);
  });

  it("has a positive standard for every specialty and county type, never shorter in a sparser county", () => {
    for (const s of SPECIALTIES) {
      const row = COUNTY_TYPES.map((t) => DISTANCE_STANDARDS_MI[s][t]);
      expect(row.every((v) => v > 0)).toBe(true);
      expect([...row].sort((a, b) => a - b)).toEqual(row);
    }
  });
});

function ex(c: Provider, profile: ProviderProfile = PROVIDER_PROFILE, rules?: object) {
  return explain("providers", profile, c, { asOf: AS_OF, rules });
}
function placementOf(zip: string, profile: ProviderProfile = PROVIDER_PROFILE, rules?: object) {
  const e = ex(provider({ zip, state: profile.state }), profile, rules);
  if (!e.eligible) throw new Error(`filtered: ${e.filter.code}`);
  return e.dimensions.placement;
}

describe("distance filter and placement at the standard's edge", () => {
  // Member 94110 (San Francisco, large metro), cardiology: standard 10 mi; L1 ≤ 5, L2 ≤ 10, L3 ≤ 20,
  // L4 ≤ 30, removed beyond 3 × 10 = 30 mi. The fixture's availability is L1, so placement = distance.
  it.each<[string, number, string]>([
    ["94107", 1.0, "L1"],
    ["94066", 8.7, "L2"], // inside the standard
    ["94030", 10.4, "L3"], // 0.4 mi past it
    ["94070", 19.2, "L3"],
    ["94063", 21.4, "L4"], // past 2 × the standard
    ["94301", 25.6, "L4"],
  ])("office %s, %d mi away → %s", (zip, miles, level) => {
    const p = placementOf(zip);
    expect(p.level).toBe(level);
    expect(p.values.miles).toBeCloseTo(miles, 1);
    expect(p.values).toMatchObject({ county_type: "large_metro", standard_mi: 10 });
    expect(p.evidence).toContain(`${miles.toFixed(1)} mi from member ZIP 94110 (standard for cardiology in a large-metro county: 10 mi)`);
  });

  it("removes an office beyond three times the standard and says how far it is", () => {
    const e = ex(provider({ zip: "90210" }));
    expect(e.eligible ? null : e.filter.code).toBe("too_far");
    if (e.eligible) return;
    expect(e.filter.rule).toContain("office within 30 mi (3 × the standard for cardiology in a large-metro county: 10 mi)");
    expect(e.filter.rule).toContain("337.1 mi from member ZIP 94110");
    expect(e.filter.values).toMatchObject({ miles: 337.1, max_mi: 30, standard_mi: 10, county_type: "large_metro" });
  });

  it("follows the organization's multiple and standards", () => {
    const tight = { filters: { max_standard_multiple: 1.3 } }; // 13 mi
    expect(ex(provider({ zip: "94010" }), PROVIDER_PROFILE, tight).eligible).toBe(true); // 12.5 mi
    const e = ex(provider({ zip: "94401" }), PROVIDER_PROFILE, tight); // 13.2 mi
    expect(e.eligible ? null : e.filter.code).toBe("too_far");
    const longer = { distance: { standards_mi: { cardiology: { large_metro: 15 } } } };
    expect(placementOf("94030", PROVIDER_PROFILE, longer).level).toBe("L2");
  });

  it("uses the specialty's and the member county's standard", () => {
    // Primary care in a large metro: 5 mi, so 12.5 mi is past 2 × (10) but inside 3 × (15).
    const pc = ex(provider({ zip: "94010", specialty: "primary_care" }), { ...PROVIDER_PROFILE, specialty: "primary_care" });
    expect(pc.eligible && pc.dimensions.placement.level).toBe("L4");
    // A member in La Grande, OR (Union County, rural: 60 mi for cardiology) and an office in Pendleton, 41 mi away.
    const rural: ProviderProfile = { ...PROVIDER_PROFILE, state: "OR", zip: "97850" };
    const p = placementOf("97801", rural);
    expect(p.level).toBe("L2");
    expect(p.evidence).toContain("40.9 mi from member ZIP 97850 (standard for cardiology in a rural county: 60 mi)");
  });

  it("says when an office ZIP is not a Census ZCTA and its 3-digit area's centre stands in", () => {
    const p = placementOf("94199"); // a San Francisco PO-box ZIP
    expect(p.level).toBe("L1");
    expect(p.evidence).toContain("from member ZIP 94110 (ZIP 94199 not a Census ZCTA: its 3-digit area's centre used)");
  });

  it("does not remove an office whose distance cannot be measured, and says so", () => {
    const profile = { ...PROVIDER_PROFILE, zip: "00000" };
    const e = ex(provider(), profile);
    expect(e.eligible).toBe(true);
    if (!e.eligible) return;
    expect(e.dimensions.placement.level).toBe("L3");
    expect(e.dimensions.placement.evidence).toContain("distance unknown (no centroid for ZIP 00000)");
    expect(e.dimensions.placement.evidence).toContain("county type unknown: metro assumed");
    expect(e.reasoning).not.toContain("NaN");
  });
});

describe("determinism", () => {
  const pool = generateProviders();

  it("gives the same result and trace for the same input", () => {
    const profile: ProviderProfile = { ...PROVIDER_PROFILE, urgency: "routine" };
    const a = evaluate("providers", profile, pool, { asOf: AS_OF });
    const b = evaluate("providers", profile, pool, { asOf: AS_OF });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.trace.eliminated.too_far?.length).toBeGreaterThan(0);
  });

  it("puts every demo office at a real ZIP with a Census centroid", () => {
    for (const p of pool) expect(zipPoint(p.zip)?.approx, p.zip).toBe(false);
    expect(new Set(pool.map((p) => p.zip)).size).toBeGreaterThan(300);
  });
});
