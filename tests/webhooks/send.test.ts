import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Webhook } from "standardwebhooks";
import { parseRetryAfter, sendWebhook, utf8Excerpt } from "../../lib/webhooks/send";
import { newWebhookSecret } from "../../lib/webhooks/secret";
import { newWebhookId, webhookHeaders } from "../../lib/webhooks/sign";
import { checkWebhookUrlAtSubmission, type LookupFn } from "../../lib/webhooks/ssrf";
import { webhookReceiver } from "../setup/receiver";

// A local receiver on 127.0.0.1 only. Each path plays one kind of receiver. No assertion reads the
// real clock: latency and Retry-After dates are checked against injected clocks, and the slow
// receiver holds its answer until the test lets it go.
let port = 0;
let base = "";
/** A fake monotonic clock; the receiver moves it, as if answering took that long. */
const fakeClock = { t: 1_000 };
const RETRY_AT = Date.parse("2026-01-01T00:00:30Z");
let releaseSlow: (() => void)[] = [];
const routes: Record<string, (res: http.ServerResponse) => void> = {
  "/ok": (res) => {
    fakeClock.t += 42;
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end("€".repeat(2000));
  },
  "/no-content": (res) => res.writeHead(204).end(),
  "/error": (res) => res.writeHead(500).end("boom"),
  "/redirect": (res) => res.writeHead(302, { location: `${base}/ok` }).end(),
  "/gone": (res) => res.writeHead(410).end("endpoint removed"),
  "/rate-limited": (res) => res.writeHead(429, { "retry-after": "7" }).end(),
  "/unavailable": (res) => res.writeHead(503, { "retry-after": new Date(RETRY_AT).toUTCString() }).end(),
  "/slow": (res) => void releaseSlow.push(() => res.writeHead(200).end("late")),
  "/stalls-after-headers": (res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.write("partial");
  },
};

const receiver = webhookReceiver((path) => routes[path] ?? ((r) => r.writeHead(200).end("ok")));
const received = receiver.hits;

beforeAll(async () => {
  await receiver.start();
  base = receiver.base;
  port = Number(new URL(base).port);
});
afterAll(() => receiver.stop());
beforeEach(() => {
  receiver.reset();
});

const send = (url: string, extra: Partial<Parameters<typeof sendWebhook>[0]> = {}) =>
  sendWebhook({ url, body: '{"eval_id":"eval_7xKp2mNc"}', headers: {}, timeoutMs: 1_000, allowPrivate: true, ...extra });

const pinTo =
  (address: string): LookupFn =>
  async () => [{ address, family: 4 }];

describe("sendWebhook against a local receiver (allowPrivate true)", () => {
  it("treats 200 as delivered, keeps a 1 KB utf8-safe excerpt and measures latency on its clock", async () => {
    const result = await send(`${base}/ok`, { clock: { monotonic: () => fakeClock.t } });
    expect(result).toMatchObject({ ok: true, statusCode: 200, error: null, gone: false, retryAfterSeconds: null });
    // "€" is 3 bytes: 341 whole characters fit in 1024 bytes, the cut one is dropped.
    expect(result.responseExcerpt).toBe("€".repeat(341));
    expect(Buffer.byteLength(result.responseExcerpt)).toBeLessThanOrEqual(1024);
    expect(result.latencyMs).toBe(42); // from before the request to after the answer
  });

  it("sends the body and headers it was given, POST, with content-length", async () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({ eval_id: "eval_7xKp2mNc", status: "completed", reasoning: "CA – $10–15M" });
    const headers = webhookHeaders({
      secrets: [secret],
      webhookId: newWebhookId(),
      timestamp: Math.floor(Date.now() / 1000),
      body,
      version: "0.1.0",
    });
    const result = await send(`${base}/hook?x=1`, { body, headers: { ...headers, host: "evil.example" } });
    expect(result.ok).toBe(true);
    expect(received).toHaveLength(1);
    const [hit] = received;
    expect(hit.body).toBe(body);
    expect(hit.headers.host).toBe(`127.0.0.1:${port}`);
    expect(hit.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
    expect(hit.headers["user-agent"]).toBe("Nexio-Webhooks/0.1.0 (+https://usenexio.com)");
    expect(new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>)).toEqual(JSON.parse(body));
  });

  it("treats 204 with no body as delivered", async () => {
    expect(await send(`${base}/no-content`)).toMatchObject({ ok: true, statusCode: 204, responseExcerpt: "" });
  });

  it("reports 500 as a failed attempt with the body excerpt", async () => {
    expect(await send(`${base}/error`)).toMatchObject({
      ok: false,
      statusCode: 500,
      error: "HTTP 500",
      responseExcerpt: "boom",
      gone: false,
    });
  });

  it("does not follow a 302", async () => {
    const result = await send(`${base}/redirect`);
    expect(result).toMatchObject({ ok: false, statusCode: 302 });
    expect(result.error).toMatch(/^redirect 302 not followed/);
    expect(received.map((r) => r.path)).toEqual(["/redirect"]);
  });

  it("flags 410 as gone", async () => {
    expect(await send(`${base}/gone`)).toMatchObject({ ok: false, statusCode: 410, gone: true });
  });

  it("reads Retry-After: 7 on 429 as 7 seconds", async () => {
    expect(await send(`${base}/rate-limited`)).toMatchObject({ ok: false, statusCode: 429, retryAfterSeconds: 7 });
  });

  it("reads an HTTP-date Retry-After on 503 as seconds from now", async () => {
    const result = await send(`${base}/unavailable`, { clock: { now: () => RETRY_AT - 30_000 } });
    expect(result).toMatchObject({ statusCode: 503, retryAfterSeconds: 30 });
  });

  it("gives up on a server that has not answered within timeoutMs", async () => {
    // The receiver answers only when released, after the result is in: the timeout alone ended it.
    const result = await send(`${base}/slow`, { timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, statusCode: null, error: "timeout after 200 ms" });
    expect(received.map((r) => r.path)).toEqual(["/slow"]);
    releaseSlow.forEach((release) => release());
    releaseSlow = [];
  });

  it("judges the status when the body stalls after the headers", async () => {
    const result = await send(`${base}/stalls-after-headers`, { timeoutMs: 200 });
    expect(result).toMatchObject({ ok: true, statusCode: 200, responseExcerpt: "partial", error: null });
  });

  it("reports a connection error for a closed port", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await send(`http://127.0.0.1:${closedPort}/`);
    expect(result).toMatchObject({ ok: false, statusCode: null });
    expect(result.error).toMatch(/^connection error: .*ECONNREFUSED/);
  });

  it("never throws, even for headers Node refuses to send", async () => {
    const result = await send(`${base}/ok`, { headers: { "x-bad": "a\r\nb" } });
    expect(result.ok).toBe(false);
    expect(result.error).toBe("internal error: the request could not be sent"); // no Node internals for customers
  });
});

describe("sendWebhook refuses non-public targets without connecting (allowPrivate false)", () => {
  it("refuses http://127.0.0.1 and opens no connection", async () => {
    const result = await send(`${base}/ok`, { allowPrivate: false });
    expect(result).toMatchObject({ ok: false, statusCode: null });
    expect(result.error).toMatch(/^refused: /);
    expect(receiver.connections).toBe(0);
  });

  it("refuses https://127.0.0.1 (the address, not only the scheme) and opens no connection", async () => {
    const result = await send(`https://127.0.0.1:${port}/ok`, { allowPrivate: false });
    expect(result.error).toBe("refused: loopback address 127.0.0.1 is not allowed; webhook URLs must point to a public address");
    expect(receiver.connections).toBe(0);
  });

  it("refuses a hostname that resolves to a private address at delivery", async () => {
    const result = await send("https://hooks.example.test/", { allowPrivate: false, lookup: pinTo("10.0.0.5") });
    expect(result).toMatchObject({ ok: false, statusCode: null, error: "refused: resolves to private address 10.0.0.5" });
  });

  it("refuses a hostname that resolves to loopback and opens no connection", async () => {
    const result = await send(`https://hooks.example.test:${port}/`, { allowPrivate: false, lookup: pinTo("127.0.0.1") });
    expect(result.error).toBe("refused: resolves to loopback address 127.0.0.1");
    expect(receiver.connections).toBe(0);
  });

  it("accepts an unresolvable host at submission, then fails the delivery attempt", async () => {
    const lookup: LookupFn = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    const url = "https://later.example.com/hook";
    expect(await checkWebhookUrlAtSubmission(url, { allowPrivate: false, lookup })).toMatchObject({ ok: true });
    const result = await send(url, { allowPrivate: false, lookup });
    expect(result).toMatchObject({
      ok: false,
      statusCode: null,
      gone: false,
      error: "dns: could not resolve later.example.com (ENOTFOUND)",
    });
  });

  it("times out a lookup that never answers", async () => {
    const result = await send("https://hooks.example.com/", { allowPrivate: false, lookup: () => new Promise(() => {}), timeoutMs: 50 });
    expect(result.error).toBe("timeout after 50 ms (resolving host)");
  });
});

describe("sendWebhook pins the checked address", () => {
  it("connects to the looked-up address while Host keeps the hostname, with one lookup", async () => {
    const lookup = vi.fn(pinTo("127.0.0.1"));
    const result = await send(`http://hooks.example.test:${port}/pinned`, { lookup });
    expect(result).toMatchObject({ ok: true, statusCode: 200 });
    expect(received).toHaveLength(1);
    expect(received[0].headers.host).toBe(`hooks.example.test:${port}`);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith("hooks.example.test");
  });

  it("over https sends the hostname as TLS SNI while connecting to the pinned address", async () => {
    // Self-signed for hooks.example.test: the handshake is refused by our client (not a trusted
    // CA), but only after the server has seen the SNI the client sent.
    const seenServerNames: string[] = [];
    const tlsServer = https.createServer({
      key: TEST_KEY,
      cert: TEST_CERT,
      SNICallback: (name, cb) => {
        seenServerNames.push(name);
        cb(null, undefined);
      },
    });
    await new Promise<void>((resolve) => tlsServer.listen(0, "127.0.0.1", resolve));
    const tlsPort = (tlsServer.address() as AddressInfo).port;
    try {
      const result = await send(`https://hooks.example.test:${tlsPort}/`, { lookup: pinTo("127.0.0.1") });
      expect(result).toMatchObject({ ok: false, statusCode: null });
      expect(result.error).toMatch(/^tls error: /);
      expect(seenServerNames).toEqual(["hooks.example.test"]);
    } finally {
      tlsServer.closeAllConnections();
      await new Promise((resolve) => tlsServer.close(resolve));
    }
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it.each([
    ["delta seconds", "7", 7],
    ["zero", "0", 0],
    ["padded", " 120 ", 120],
    ["HTTP-date in 90 s", "Thu, 01 Jan 2026 00:01:30 GMT", 90],
    ["HTTP-date in the past", "Wed, 31 Dec 2025 23:00:00 GMT", 0],
    ["negative", "-5", null],
    ["fractional", "7.5", null],
    ["garbage", "soon", null],
    ["missing", undefined, null],
  ])("%s", (_name, value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("utf8Excerpt", () => {
  it("never splits a character and never exceeds the byte budget", () => {
    expect(utf8Excerpt(Buffer.from("aé"), 2)).toBe("a");
    expect(utf8Excerpt(Buffer.from("😀😀"), 7)).toBe("😀");
    expect(utf8Excerpt(Buffer.from([0xff, 0xff, 0xff]), 3)).toBe("\uFFFD");
    expect(utf8Excerpt(Buffer.from("a\u0000b"), 10)).toBe("a\uFFFDb");
  });
});

const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgP6umW99jHc4hY0HE
e/5d6LlEcVyRmaEE30/+65TgBNahRANCAARiA5ljy47lzt/iKNgOD0IqSJt8WfEO
7AfeMv2x4yv2/KUwWfQ42PKm5qtzZfpS2Gv9QPQpKjT+WxrG3/GtJ4+L
-----END PRIVATE KEY-----`;
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBsDCCAVagAwIBAgIUNEKg5E9rhqBs//P7wE9fwywngR0wCgYIKoZIzj0EAwIw
HTEbMBkGA1UEAwwSaG9va3MuZXhhbXBsZS50ZXN0MCAXDTI2MTEyODIwNTgwM1oY
DzIxMjYxMTA0MjA1ODAzWjAdMRswGQYDVQQDDBJob29rcy5leGFtcGxlLnRlc3Qw
WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARiA5ljy47lzt/iKNgOD0IqSJt8WfEO
7AfeMv2x4yv2/KUwWfQ42PKm5qtzZfpS2Gv9QPQpKjT+WxrG3/GtJ4+Lo3IwcDAd
BgNVHQ4EFgQUJnHkdMWswMAMhgqwzfP/4GW1owYwHwYDVR0jBBgwFoAUJnHkdMWs
wMAMhgqwzfP/4GW1owYwDwYDVR0TAQH/BAUwAwEB/zAdBgNVHREEFjAUghJob29r
cy5leGFtcGxlLnRlc3QwCgYIKoZIzj0EAwIDSAAwRQIgaHxe6s4+0O9eY5rAAT09
vtrBmhICfjJIj8qeqIIiGdoCIQCV9DS64UHh5wTlz+dZhUcDMCY5f9vZ2ZO9NYr9
HpxTyw==
-----END CERTIFICATE-----`;
