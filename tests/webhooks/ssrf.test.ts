import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { checkWebhookUrlAtSubmission, isPublicAddress, parseWebhookUrl, resolveAndCheck, setDefaultLookup, type LookupFn } from "../../lib/webhooks/ssrf";
import { installTestResolver } from "../setup/no-dns";

const resolvesTo =
  (...addresses: string[]): LookupFn =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

const doesNotResolve: LookupFn = async (host) => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
};

describe("isPublicAddress refuses", () => {
  it.each([
    ["IPv4 loopback", "127.0.0.1"],
    ["IPv4 loopback, top of 127/8", "127.255.255.254"],
    ["private 10/8", "10.0.0.1"],
    ["private 172.16/12, bottom", "172.16.0.1"],
    ["private 172.16/12, top", "172.31.255.255"],
    ["private 192.168/16", "192.168.1.1"],
    ["CGNAT 100.64/10, bottom", "100.64.0.1"],
    ["CGNAT 100.64/10, top", "100.127.255.254"],
    ["link-local 169.254/16", "169.254.0.1"],
    ["cloud metadata 169.254.169.254", "169.254.169.254"],
    ["multicast 224/4", "224.0.0.1"],
    ["multicast SSDP", "239.255.255.250"],
    ["limited broadcast", "255.255.255.255"],
    ["unspecified 0.0.0.0", "0.0.0.0"],
    ["0.0.0.0/8 'this network'", "0.1.2.3"],
    ["IETF protocol assignments 192.0.0/24", "192.0.0.1"],
    ["documentation TEST-NET-1 192.0.2/24", "192.0.2.1"],
    ["documentation TEST-NET-2 198.51.100/24", "198.51.100.1"],
    ["documentation TEST-NET-3 203.0.113/24", "203.0.113.1"],
    ["benchmarking 198.18/15, bottom", "198.18.0.1"],
    ["benchmarking 198.18/15, top", "198.19.255.255"],
    ["6to4 relay anycast 192.88.99/24", "192.88.99.1"],
    ["reserved 240/4", "240.0.0.1"],
    ["IPv6 unspecified ::", "::"],
    ["IPv6 loopback ::1", "::1"],
    ["IPv6 ULA fc00::/7 (fc)", "fc00::1"],
    ["IPv6 ULA fc00::/7 (fd)", "fd12:3456:789a::1"],
    ["IPv6 link-local fe80::/10", "fe80::1"],
    ["IPv6 link-local with zone", "fe80::1%eth0"],
    ["IPv6 deprecated site-local fec0::/10", "fec0::1"],
    ["IPv6 multicast", "ff02::1"],
    ["IPv6 documentation 2001:db8::/32", "2001:db8::1"],
    ["IPv6 benchmarking 2001:2::/48", "2001:2::1"],
    ["IPv6 discard 100::/64", "100::1"],
    ["IPv4-mapped loopback, dotted", "::ffff:127.0.0.1"],
    ["IPv4-mapped loopback, hex", "::ffff:7f00:1"],
    ["IPv4-mapped private", "::ffff:10.0.0.1"],
    ["IPv4-mapped metadata", "::ffff:169.254.169.254"],
    ["IPv4-mapped, expanded spelling", "0:0:0:0:0:ffff:7f00:0001"],
    ["IPv4-compatible (deprecated) loopback", "::7f00:1"],
    ["IPv4-translated (RFC 6145)", "::ffff:0:7f00:1"],
    ["NAT64 embedding loopback", "64:ff9b::127.0.0.1"],
    ["NAT64 embedding private", "64:ff9b::a00:1"],
    ["NAT64 local-use prefix 64:ff9b:1::/48", "64:ff9b:1::808:808"],
    ["6to4 embedding loopback", "2002:7f00:1::1"],
    ["6to4 embedding private", "2002:a00:1::1"],
    ["Teredo", "2001:0:4136:e378:8000:63bf:3fff:fdd2"],
    ["bracketed IPv6 loopback", "[::1]"],
    ["not an address: empty", ""],
    ["not an address: name", "localhost"],
    ["odd IPv4 spelling (short)", "127.1"],
    ["odd IPv4 spelling (hex)", "0x7f.0.0.1"],
    ["odd IPv4 spelling (octal)", "0177.0.0.1"],
    ["out of range octet", "256.1.1.1"],
  ])("%s (%s)", (_name, ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });
});

describe("isPublicAddress accepts public unicast", () => {
  it.each([
    ["Google DNS", "8.8.8.8"],
    ["Cloudflare DNS", "1.1.1.1"],
    ["just below 172.16/12", "172.15.255.255"],
    ["just above 172.16/12", "172.32.0.1"],
    ["just below CGNAT", "100.63.255.255"],
    ["just above CGNAT", "100.128.0.1"],
    ["just above 10/8", "11.0.0.1"],
    ["IPv6 global unicast", "2606:4700:4700::1111"],
    ["IPv6 global unicast, bracketed", "[2001:4860:4860::8888]"],
    ["IPv4-mapped public", "::ffff:8.8.8.8"],
    ["NAT64 (DNS64) of a public address", "64:ff9b::808:808"],
  ])("%s (%s)", (_name, ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it("judges an IPv4-mapped IPv6 address exactly like its IPv4 address", () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        expect(isPublicAddress(`::ffff:${v4}`)).toBe(isPublicAddress(v4));
      }),
    );
  });

  it("refuses every address in the private, loopback and link-local blocks", () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const inBlock = fc.oneof(
      fc.tuple(octet, octet, octet).map(([b, c, d]) => `10.${b}.${c}.${d}`),
      fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([b, c, d]) => `172.${b}.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `192.168.${c}.${d}`),
      fc.tuple(octet, octet, octet).map(([b, c, d]) => `127.${b}.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `169.254.${c}.${d}`),
    );
    fc.assert(fc.property(inBlock, (ip) => !isPublicAddress(ip)));
  });
});

describe("parseWebhookUrl (allowPrivate false)", () => {
  const parse = (raw: string) => parseWebhookUrl(raw, { allowPrivate: false });

  it.each([
    ["public https host", "https://hooks.example.com/nexio"],
    ["explicit port and query", "https://hooks.example.com:8443/nexio?team=7"],
    ["public IPv4 literal", "https://8.8.8.8/hook"],
    ["public IPv6 literal", "https://[2606:4700:4700::1111]/hook"],
  ])("accepts %s", (_name, raw) => {
    const result = parse(raw);
    expect(result.ok).toBe(true);
  });

  it.each([
    ["plain http", "http://hooks.example.com/", /only https/],
    ["ftp", "ftp://hooks.example.com/", /only https/],
    ["javascript:", "javascript:alert(1)", /only https/],
    ["not a URL", "hooks example", /not a valid absolute URL/],
    ["relative URL", "/api/hook", /not a valid absolute URL/],
    ["empty", "", /empty/],
    ["userinfo trick https://a.example@127.0.0.1", "https://a.example@127.0.0.1/", /credentials in URL not allowed/],
    ["user and password", "https://user:pass@hooks.example.com/", /credentials in URL not allowed/],
    ["loopback literal", "https://127.0.0.1/", /loopback address 127\.0\.0\.1/],
    ["loopback with port", "https://127.0.0.1:8443/hook", /loopback/],
    ["octal 0177.0.0.1", "https://0177.0.0.1/", /loopback address 127\.0\.0\.1/],
    ["hex 0x7f000001", "https://0x7f000001/", /loopback address 127\.0\.0\.1/],
    ["short 127.1", "https://127.1/", /loopback address 127\.0\.0\.1/],
    ["decimal 2130706433", "https://2130706433/", /loopback address 127\.0\.0\.1/],
    ["trailing dot 127.0.0.1.", "https://127.0.0.1./", /loopback/],
    ["percent-encoded %31%32%37.0.0.1", "https://%31%32%37.0.0.1/", /loopback/],
    ["fullwidth digits １２７.０.０.１", "https://１２７.０.０.１/", /loopback/],
    ["0 → 0.0.0.0", "https://0/", /unspecified address 0\.0\.0\.0/],
    ["private 10.0.0.1", "https://10.0.0.1/", /private address 10\.0\.0\.1/],
    ["private 192.168.0.1", "https://192.168.0.1/", /private/],
    ["CGNAT 100.64.0.1", "https://100.64.0.1/", /carrier-grade NAT/],
    ["metadata 169.254.169.254", "https://169.254.169.254/latest/meta-data/", /cloud metadata/],
    ["IPv6 loopback [::1]", "https://[::1]/", /loopback/],
    ["IPv4-mapped [::ffff:127.0.0.1]", "https://[::ffff:127.0.0.1]/", /loopback/],
    ["IPv4-mapped hex [::ffff:7f00:1]", "https://[::ffff:7f00:1]/", /loopback/],
    ["IPv6 link-local [fe80::1]", "https://[fe80::1]/", /link-local/],
    ["IPv6 ULA [fd00::1]", "https://[fd00::1]/", /unique local/],
    ["localhost", "https://localhost/", /loopback address localhost/],
    ["LOCALHOST. (case, trailing dot)", "https://LOCALHOST./", /loopback/],
    ["*.localhost", "https://api.localhost/", /loopback/],
    ["longer than 2048 characters", `https://hooks.example.com/${"a".repeat(2048)}`, /longer than 2048/],
  ])("refuses %s", (_name, raw, reason) => {
    const result = parse(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it("accepts exactly 2048 characters", () => {
    const raw = "https://hooks.example.com/" + "a".repeat(2048 - "https://hooks.example.com/".length);
    expect(raw).toHaveLength(2048);
    expect(parse(raw).ok).toBe(true);
  });
});

describe("parseWebhookUrl (allowPrivate true, development)", () => {
  const parse = (raw: string) => parseWebhookUrl(raw, { allowPrivate: true });

  it("accepts plain http to loopback and private addresses", () => {
    expect(parse("http://127.0.0.1:3000/hook").ok).toBe(true);
    expect(parse("http://localhost:3000/hook").ok).toBe(true);
    expect(parse("https://10.0.0.5/hook").ok).toBe(true);
  });

  it("still refuses other schemes and credentials", () => {
    expect(parse("ftp://127.0.0.1/")).toEqual({ ok: false, reason: "only http and https URLs are allowed" });
    expect(parse("http://a.example@127.0.0.1/")).toEqual({ ok: false, reason: "credentials in URL not allowed" });
  });
});

describe("resolveAndCheck", () => {
  const url = new URL("https://hooks.example.com/nexio");
  const check = (lookup: LookupFn, allowPrivate = false) => resolveAndCheck(url, { allowPrivate, lookup });

  it("returns the first address to pin when every address is public", async () => {
    expect(await check(resolvesTo("93.184.216.34", "2606:2800:220:1::248"))).toEqual({
      ok: true,
      address: "93.184.216.34",
      family: 4,
    });
    expect(await check(resolvesTo("2606:2800:220:1::248"))).toEqual({
      ok: true,
      address: "2606:2800:220:1::248",
      family: 6,
    });
  });

  it("refuses a hostname whose lookup returns 10.0.0.1", async () => {
    expect(await check(resolvesTo("10.0.0.1"))).toEqual({
      ok: false,
      code: "private_address",
      reason: "resolves to private address 10.0.0.1",
    });
  });

  it.each([
    ["public first", ["93.184.216.34", "10.0.0.1"]],
    ["private first", ["10.0.0.1", "93.184.216.34"]],
    ["public v4 and loopback v6", ["93.184.216.34", "::1"]],
  ])("refuses a mix of public and private addresses (%s)", async (_name, addresses) => {
    const result = await check(resolvesTo(...addresses));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe("private_address");
  });

  it("refuses a lookup answering with an IPv4-mapped loopback", async () => {
    expect(await check(resolvesTo("::ffff:127.0.0.1"))).toMatchObject({ ok: false, code: "private_address" });
  });

  it("refuses the metadata address, saying so", async () => {
    expect(await check(resolvesTo("169.254.169.254"))).toEqual({
      ok: false,
      code: "private_address",
      reason: "resolves to cloud metadata address 169.254.169.254",
    });
  });

  it("reports a host that does not resolve", async () => {
    expect(await check(doesNotResolve)).toEqual({
      ok: false,
      code: "unresolvable",
      reason: "could not resolve hooks.example.com (ENOTFOUND)",
    });
    expect(await check(resolvesTo())).toMatchObject({ ok: false, code: "unresolvable" });
    expect(await check(async () => [{ address: "not-an-ip", family: 4 }])).toMatchObject({
      ok: false,
      code: "unresolvable",
    });
  });

  it("does not look up an IP literal", async () => {
    const lookup = vi.fn(resolvesTo("10.0.0.1"));
    expect(await resolveAndCheck(new URL("https://8.8.8.8/"), { allowPrivate: false, lookup })).toEqual({
      ok: true,
      address: "8.8.8.8",
      family: 4,
    });
    expect(await resolveAndCheck(new URL("https://[2606:4700::1111]/"), { allowPrivate: false, lookup })).toEqual({
      ok: true,
      address: "2606:4700::1111",
      family: 6,
    });
    expect(lookup).not.toHaveBeenCalled();
  });

  it("refuses localhost through the system resolver (answered from /etc/hosts, not DNS)", async () => {
    setDefaultLookup(null);
    try {
      const result = await resolveAndCheck(new URL("https://localhost/"), { allowPrivate: false });
      expect(result).toMatchObject({ ok: false, code: "private_address" });
    } finally {
      installTestResolver();
    }
  });

  it("lets private addresses through when allowPrivate is set", async () => {
    expect(await check(resolvesTo("10.0.0.1"), true)).toEqual({ ok: true, address: "10.0.0.1", family: 4 });
  });
});

describe("checkWebhookUrlAtSubmission", () => {
  const submit = (raw: string, lookup: LookupFn, extra: { resolveTimeoutMs?: number } = {}) =>
    checkWebhookUrlAtSubmission(raw, { allowPrivate: false, lookup, ...extra });

  it("accepts a public https URL that resolves publicly", async () => {
    const result = await submit("https://hooks.example.com/nexio", resolvesTo("93.184.216.34"));
    expect(result).toMatchObject({ ok: true, resolved: true });
    if (result.ok) expect(result.url.href).toBe("https://hooks.example.com/nexio");
  });

  it("refuses http", async () => {
    expect(await submit("http://hooks.example.com/", resolvesTo("93.184.216.34"))).toEqual({
      ok: false,
      code: "invalid_url",
      reason: "only https URLs are allowed",
    });
  });

  it("refuses a literal non-public address without looking it up", async () => {
    const lookup = vi.fn(resolvesTo("93.184.216.34"));
    const result = await submit("https://0x7f000001/hook", lookup);
    expect(result).toMatchObject({ ok: false, code: "invalid_url" });
    if (!result.ok) expect(result.reason).toContain("loopback address 127.0.0.1 is not allowed");
    expect(lookup).not.toHaveBeenCalled();
  });

  it("refuses a host resolving to a private address, naming host and address", async () => {
    expect(await submit("https://internal.example.com/", resolvesTo("10.0.0.1"))).toEqual({
      ok: false,
      code: "private_address",
      reason: "internal.example.com resolves to private address 10.0.0.1; webhook URLs must point to a public address",
    });
  });

  it("refuses a host resolving to a mix of public and private addresses", async () => {
    const result = await submit("https://mixed.example.com/", resolvesTo("93.184.216.34", "192.168.1.10"));
    expect(result).toMatchObject({ ok: false, code: "private_address" });
  });

  it("accepts a host that does not resolve yet", async () => {
    expect(await submit("https://not-yet.example.com/", doesNotResolve)).toMatchObject({ ok: true, resolved: false });
  });

  it("accepts a host whose lookup does not answer in time", async () => {
    const hangs: LookupFn = () => new Promise(() => {});
    const result = await submit("https://slow-dns.example.com/", hangs, { resolveTimeoutMs: 20 });
    expect(result).toMatchObject({ ok: true, resolved: false });
  });
});

describe("the default resolver (what submission and delivery use when no lookup is passed)", () => {
  it("is the tests' own: no real DNS, every hostname unknown", async () => {
    expect(await resolveAndCheck(new URL("https://your-app.com/hooks/nexio"), { allowPrivate: false })).toEqual({
      ok: false,
      code: "unresolvable",
      reason: "could not resolve your-app.com (ENOTFOUND)",
    });
  });

  it("is replaceable, and submission without a lookup asks it", async () => {
    const lookup = vi.fn(resolvesTo("10.0.0.1"));
    setDefaultLookup(lookup);
    try {
      expect(await checkWebhookUrlAtSubmission("https://your-app.com/", { allowPrivate: false })).toMatchObject({ ok: false, code: "private_address" });
      expect(lookup).toHaveBeenCalledWith("your-app.com");
    } finally {
      installTestResolver();
    }
  });
});
