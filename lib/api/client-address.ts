import ipaddr from "ipaddr.js";

// The client's address as this server saw it. X-Forwarded-For is only believed from the proxies
// listed in TRUSTED_PROXIES: scripts/forwarded-for.cjs (preloaded into `next start`) rewrites the
// header on every request so that its last entry is the socket's peer, and keeps what came before
// only when that peer is a trusted proxy. Reading from the right and skipping trusted proxies then
// gives the first address nobody we trust vouched for — the client.

function matchesAny(ip: string, trusted: string[]): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  for (const entry of trusted) {
    if (entry.includes("/")) {
      const [range, bits] = ipaddr.parseCIDR(entry);
      if (range.kind() === addr.kind() && addr.match([range, bits] as never)) return true;
    } else if (ipaddr.isValid(entry)) {
      const other = ipaddr.parse(entry);
      if (other.kind() === addr.kind() && other.toNormalizedString() === addr.toNormalizedString()) return true;
    }
  }
  return false;
}

/** The client address behind the trusted proxies, or "unknown" when there is no header at all. */
export function clientAddress(headers: Headers, trusted: string[]): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    if (i > 0 && matchesAny(chain[i], trusted)) continue;
    return chain[i];
  }
  return "unknown";
}
