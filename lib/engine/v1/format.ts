/** Number formatting for reasoning sentences and evidence ("$10–15M", "~8%"). */

function trim(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

function unit(n: number): [number, string] {
  if (n >= 1e9) return [n / 1e9, "B"];
  if (n >= 1e6) return [n / 1e6, "M"];
  if (n >= 1e3) return [n / 1e3, "K"];
  return [n, ""];
}

/** 12000000 → "$12M", 2500000 → "$2.5M", 750000 → "$750K". */
export function money(n: number): string {
  const [v, u] = unit(n);
  return `$${trim(v)}${u}`;
}

/** A revenue band: "$10–15M", "$500K–$5M", "$0–25M", "$10M+", "any size". */
export function band(min: number | null | undefined, max: number | null | undefined): string {
  const lo = min ?? 0;
  if (max == null) return lo > 0 ? `${money(lo)}+` : "any size";
  if (lo <= 0) return `$0–${money(max).slice(1)}`;
  const [a, ua] = unit(lo);
  const [b, ub] = unit(max);
  return ua === ub ? `$${trim(a)}–${trim(b)}${ub}` : `${money(lo)}–${money(max)}`;
}

/** Signed position against a reference: "~8% above market", "~12% below market", "at market". */
export function relative(pct: number, what: string): string {
  const r = Math.round(pct);
  if (r === 0) return `at ${what}`;
  return `~${Math.abs(r)}% ${r > 0 ? "above" : "below"} ${what}`;
}

export function fixed(n: number, digits: number): string {
  return n.toFixed(digits);
}

export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
