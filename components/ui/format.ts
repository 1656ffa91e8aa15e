// Number, money, date and duration formatting shared by the dashboard pages. One formatter each,
// created once: Intl constructors are slow enough to matter inside a 1,800-row table.

const integer = new Intl.NumberFormat("en-US");
const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export const formatInt = (n: number) => integer.format(n);
export const formatMoney = (n: number) => dollars.format(n);
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

/** 12 ms → "12 ms"; 1,850 ms → "1.9 s"; 75 s → "1 min 15 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
