// Where the sign-in page may send someone afterwards: a path on this site, nothing else. Checking
// for a leading "/" and no "//" is not enough: browsers read "\" as "/" and drop tabs and newlines
// in URLs, so "/\evil.com" and "/<TAB>/evil.com" both open https://evil.com.

const BASE = "http://nexio.invalid";
const UNSAFE = /[\\\u0000-\u001f\u007f]/;

/** `next` when it is a same-site path (as the browser will read it), else `fallback`. */
export function safeNextPath(next: unknown, fallback = "/jobs"): string {
  if (typeof next !== "string" || next.length > 2048 || !next.startsWith("/") || next.startsWith("//") || UNSAFE.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
