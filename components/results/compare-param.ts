// The comparison lives in the URL (`?compare=car_0012,car_0007`) so it can be reloaded and shared.
// Only this one parameter is ours: whatever else the query holds is kept as it is.

export const COMPARE_PARAM = "compare";
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;

/** The known candidate ids the parameter names, in its order, without repeats, at most MAX_COMPARE. */
export function readCompare(value: string | null, known: (id: string) => boolean): string[] {
  const ids = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((id) => id && known(id));
  return [...new Set(ids)].slice(0, MAX_COMPARE);
}

/** `search` (a location's "?…") with the comparison set to `ids`, or removed when `ids` is null. */
export function withCompare(search: string, ids: string[] | null): string {
  const params = new URLSearchParams(search);
  if (ids && ids.length) params.set(COMPARE_PARAM, ids.join(","));
  else params.delete(COMPARE_PARAM);
  // A comma means the same escaped or not; unescaped keeps the link readable.
  const query = params.toString().replace(/%2C/gi, ",");
  return query ? `?${query}` : "";
}
