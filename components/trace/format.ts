// Formatting shared by the trace, share and settings views. Dates on server-rendered pages are
// UTC with a fixed locale, so the server's HTML and the browser's hydration agree exactly.

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});
const SHORT = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hour12: false });
const DATE = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${DATE_TIME.format(d)} UTC`;
}

/** "28 Nov, 22:01 UTC": for dense tables; give the full time in a title. */
export function formatShortDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${SHORT.format(d)} UTC`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}

/** "3 min ago", "in 6 days": for things people check at a glance (client components only). */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "never";
  const diff = new Date(iso).getTime() - now;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  if (abs < 60_000) return diff <= 0 ? "just now" : "in a moment";
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), "minute");
  if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), "hour");
  return rtf.format(Math.round(diff / 86_400_000), "day");
}

const NUMBER = new Intl.NumberFormat("en-US");
const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const MONEY_KEYS = /(revenue|limit|deductible|premium|amount|usd)/i;

export const formatNumber = (n: number) => NUMBER.format(n);

const ACRONYMS: Record<string, string> = { am: "AM", naic: "NAIC", naics: "NAICS", id: "ID", usd: "USD", sl: "SL", npi: "NPI" };

/** "years_in_business" → "Years in business"; "am_best_rating" → "AM Best rating". */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, " ").trim().split(/\s+/);
  const out = words.map((w, i) => {
    const lower = w.toLowerCase();
    if (ACRONYMS[lower]) return ACRONYMS[lower];
    if (lower === "best" && words[i - 1]?.toLowerCase() === "am") return "Best";
    return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
  });
  return out.join(" ");
}

/** A value from a profile or an evidence record, short enough for one line. */
export function formatValue(key: string, value: unknown, maxItems = 8): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return MONEY_KEYS.test(key) ? USD.format(value) : NUMBER.format(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    const shown = value.slice(0, maxItems).map((v) => formatValue(key, v, maxItems));
    return value.length > maxItems ? `${shown.join(", ")} … +${value.length - maxItems}` : shown.join(", ");
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${formatValue(k, v, maxItems)}`)
      .join("; ");
  }
  return String(value);
}

/** Timings as stored ({load_ms: 2305.03, evaluate_ms: 40.19}) → "load 2.31 s · evaluate 40 ms". */
export function formatTimings(timings: unknown): string {
  if (!timings || typeof timings !== "object") return "—";
  const parts = Object.entries(timings as Record<string, unknown>).map(([k, v]) => {
    const label = humanize(k.replace(/_?ms$/i, "")).toLowerCase();
    if (typeof v !== "number") return `${label} ${formatValue(k, v)}`;
    return `${label} ${v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`}`;
  });
  return parts.length ? parts.join(" · ") : "—";
}
