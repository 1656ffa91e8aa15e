import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { webhookResolver } from "@/lib/webhooks/dns";
import { MAX_WEBHOOK_URL_LENGTH } from "@/lib/webhooks/schemas";

// Guards for customer-supplied webhook URLs (SPEC §5): only public HTTPS targets, checked when the
// URL is submitted and again, on the resolved address, at every delivery. `allowPrivate` is the
// WEBHOOK_ALLOW_PRIVATE development switch: it admits plain http and any address.

export { MAX_WEBHOOK_URL_LENGTH };

export type LookupAddress = { address: string; family: number };
export type LookupFn = (hostname: string) => Promise<LookupAddress[]>;

export type ParsedWebhookUrl = { ok: true; url: URL } | { ok: false; reason: string };

export type ResolveFailureCode = "unresolvable" | "private_address";
export type ResolvedTarget = { ok: true; address: string; family: 4 | 6 } | { ok: false; code: ResolveFailureCode; reason: string };

export type SubmissionCheck = { ok: true; url: URL; resolved: boolean } | { ok: false; code: "invalid_url" | "private_address"; reason: string };

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

const PUBLIC = "public";

// ipaddr.js's range() already names these; the explicit list keeps the guard independent of
// that table (a future release re-labelling a range must not open a hole).
const IPV4_DENY: Array<[string, string]> = [
  ["0.0.0.0/8", "unspecified"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "carrier-grade NAT"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "reserved"],
  ["192.0.2.0/24", "documentation"],
  ["192.88.99.0/24", "reserved"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "benchmarking"],
  ["198.51.100.0/24", "documentation"],
  ["203.0.113.0/24", "documentation"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved"],
];
const IPV4_DENY_PARSED = IPV4_DENY.map(([cidr, label]) => [ipaddr.IPv4.parseCIDR(cidr), label] as const);

const RANGE_LABELS: Record<string, string> = {
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
  uniqueLocal: "unique local",
  deprecatedSiteLocal: "site-local",
  rfc6145: "IPv4-translated",
  rfc6052: "NAT64",
  as112: "reserved",
  as112v6: "reserved",
  amt: "reserved",
};

// Global unicast is 2000::/3; everything else in IPv6 (::/8 with IPv4-compatible ::a.b.c.d,
// 100::/64, fc00::/7, fe80::/10, ff00::/8, 5f00::/16 …) never reaches a public receiver.
const IPV6_GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR("2000::/3");
// The well-known NAT64 prefix: DNS64 resolvers answer with it for IPv4-only hosts, so on an
// IPv6-only server a public webhook host legitimately resolves here. Judge the embedded IPv4.
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR("64:ff9b::/96");

function classifyIPv4(addr: IPv4): string {
  const text = addr.toString();
  if (text === "169.254.169.254") return "cloud metadata";
  for (const [range, label] of IPV4_DENY_PARSED) if (addr.match(range)) return label;
  const range = addr.range();
  return range === "unicast" ? PUBLIC : (RANGE_LABELS[range] ?? range);
}

function embeddedIPv4(addr: IPv6): IPv4 {
  const [hi, lo] = addr.parts.slice(6);
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

function classifyIPv6(addr: IPv6): string {
  if (addr.zoneId) return "scoped";
  if (addr.isIPv4MappedAddress()) return classifyIPv4(addr.toIPv4Address());
  if (addr.match(NAT64_WELL_KNOWN)) return classifyIPv4(embeddedIPv4(addr));
  const range = addr.range();
  // 6to4 and Teredo relay to addresses we cannot vet (Teredo's is obfuscated); both deprecated.
  if (range !== "unicast") return RANGE_LABELS[range] ?? range;
  return addr.match(IPV6_GLOBAL_UNICAST) ? PUBLIC : "reserved";
}

/** "public", or what kind of non-public address `ip` is ("loopback", "private", …). */
export function classifyAddress(ip: string): string {
  const bare = stripBrackets(ip);
  // net.isIP is strict (no "127.1", "0x7f.1", leading zeros): anything odd is not public.
  const version = isIP(bare);
  if (version === 4) return classifyIPv4(ipaddr.IPv4.parse(bare));
  if (version === 6) return classifyIPv6(ipaddr.IPv6.parse(bare));
  return "invalid";
}

/** True only for a unicast address reachable on the public internet. */
export function isPublicAddress(ip: string): boolean {
  return classifyAddress(ip) === PUBLIC;
}

function stripBrackets(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/** The URL's host as a socket wants it: IPv6 literals without brackets. */
export function bareHostname(url: URL): string {
  return stripBrackets(url.hostname);
}

function isLocalhostName(host: string): boolean {
  const name = host.replace(/\.$/, "").toLowerCase();
  return name === "localhost" || name.endsWith(".localhost");
}

function nonPublicMessage(label: string, address: string): string {
  return `${label} address ${address} is not allowed; webhook URLs must point to a public address`;
}

/**
 * Syntax and literal-address checks, no DNS. WHATWG URL parsing first normalises odd IPv4
 * spellings (0177.0.0.1, 0x7f000001, 127.1, 2130706433 → 127.0.0.1) and IPv6 forms, so the check
 * runs on the address the socket would actually use.
 */
export function parseWebhookUrl(raw: string, opts: { allowPrivate: boolean }): ParsedWebhookUrl {
  if (typeof raw !== "string" || raw.trim() === "") return { ok: false, reason: "URL is empty" };
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) {
    return { ok: false, reason: `URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters` };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not a valid absolute URL" };
  }
  if (url.href.length > MAX_WEBHOOK_URL_LENGTH) {
    return { ok: false, reason: `URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters` };
  }
  const httpAllowed = opts.allowPrivate && url.protocol === "http:";
  if (url.protocol !== "https:" && !httpAllowed) {
    return { ok: false, reason: opts.allowPrivate ? "only http and https URLs are allowed" : "only https URLs are allowed" };
  }
  if (url.username !== "" || url.password !== "") {
    return { ok: false, reason: "credentials in URL not allowed" };
  }
  const host = bareHostname(url);
  if (host === "") return { ok: false, reason: "URL has no host" };
  if (!opts.allowPrivate) {
    if (isIP(host) !== 0) {
      const label = classifyAddress(host);
      if (label !== PUBLIC) return { ok: false, reason: nonPublicMessage(label, host) };
    } else if (isLocalhostName(host)) {
      return { ok: false, reason: nonPublicMessage("loopback", host) };
    }
  }
  return { ok: true, url };
}

// c-ares with real timeouts and a concurrency cap, not dns.lookup on libuv's thread pool (dns.ts).
function systemLookup(hostname: string): Promise<LookupAddress[]> {
  return webhookResolver()(hostname);
}

let defaultLookup: LookupFn = systemLookup;

/**
 * Replaces the resolver used when a caller passes no `lookup` (submission, delivery, test events).
 * Only the test setup calls this, so that no test ever asks the real DNS; `null` restores it.
 */
export function setDefaultLookup(lookup: LookupFn | null) {
  defaultLookup = lookup ?? systemLookup;
}

/**
 * Resolves the URL's host once and vets every address; the caller connects to the returned
 * address only (pinning), so a second DNS answer cannot swap in a private one (rebinding).
 */
export async function resolveAndCheck(url: URL, opts: { allowPrivate: boolean; lookup?: LookupFn }): Promise<ResolvedTarget> {
  const host = bareHostname(url);
  let addresses: LookupAddress[];
  if (isIP(host) !== 0) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await (opts.lookup ?? defaultLookup)(host);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException)?.code;
      return { ok: false, code: "unresolvable", reason: `could not resolve ${host}${code ? ` (${code})` : ""}` };
    }
  }
  const valid = (addresses ?? []).filter((a) => typeof a?.address === "string" && isIP(a.address) !== 0);
  if (valid.length === 0 || valid.length !== addresses.length) {
    return { ok: false, code: "unresolvable", reason: `could not resolve ${host} (no usable address)` };
  }
  if (!opts.allowPrivate) {
    for (const { address } of valid) {
      const label = classifyAddress(address);
      if (label !== PUBLIC) {
        return { ok: false, code: "private_address", reason: `resolves to ${label} address ${address}` };
      }
    }
  }
  const pinned = valid[0].address;
  return { ok: true, address: pinned, family: isIP(pinned) === 6 ? 6 : 4 };
}

const SUBMISSION_RESOLVE_TIMEOUT_MS = 3000;

/**
 * For the API's 400 on `webhook_url`: refuses bad syntax, non-https (unless allowPrivate),
 * non-public literals and hosts that resolve to a non-public address. A host that does not
 * resolve right now (or not within the timeout) is accepted: delivery checks it again.
 */
export async function checkWebhookUrlAtSubmission(
  raw: string,
  opts: { allowPrivate: boolean; lookup?: LookupFn; resolveTimeoutMs?: number },
): Promise<SubmissionCheck> {
  const parsed = parseWebhookUrl(raw, opts);
  if (!parsed.ok) return { ok: false, code: "invalid_url", reason: parsed.reason };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), opts.resolveTimeoutMs ?? SUBMISSION_RESOLVE_TIMEOUT_MS);
  });
  try {
    const target = await Promise.race([resolveAndCheck(parsed.url, opts), timeout]);
    if (target && !target.ok && target.code === "private_address") {
      const host = bareHostname(parsed.url);
      return { ok: false, code: "private_address", reason: `${host} ${target.reason}; webhook URLs must point to a public address` };
    }
    return { ok: true, url: parsed.url, resolved: target?.ok === true };
  } finally {
    clearTimeout(timer);
  }
}
