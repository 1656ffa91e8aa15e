/**
 * Calendar arithmetic without the clock: the engine only ever compares dates in the data with the
 * job's as-of timestamp, so results are reproducible whenever they are recomputed.
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a "YYYY-MM-DD" string (UTC), NaN if malformed. Hand-parsed: it runs per candidate. */
export function dayNumber(ymd: string | null | undefined): number {
  if (typeof ymd !== "string" || ymd.length < 10 || ymd.charCodeAt(4) !== 45 || ymd.charCodeAt(7) !== 45) return NaN;
  const y = +ymd.slice(0, 4);
  const m = +ymd.slice(5, 7);
  const d = +ymd.slice(8, 10);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31) || !Number.isInteger(y)) return NaN;
  // Days-from-civil (H. Hinnant), valid for the proleptic Gregorian calendar.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number of an ISO timestamp (the job's creation time). Throws on anything unparseable. */
export function asOfDayNumber(asOf: string): number {
  const ms = Date.parse(asOf);
  if (!Number.isFinite(ms)) throw new TypeError(`ctx.asOf must be an ISO timestamp, got ${JSON.stringify(asOf)}`);
  return Math.floor(ms / MS_PER_DAY);
}

/** "YYYY-MM-DD" of a day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
