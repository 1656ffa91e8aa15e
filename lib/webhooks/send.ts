import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { bareHostname, parseWebhookUrl, resolveAndCheck, type LookupFn } from "./ssrf";

// One delivery attempt, network only: no retries, no database. The queue decides what to do
// with the result (retry schedule, Retry-After, 410 = stop).

export const RESPONSE_EXCERPT_BYTES = 1024;

export type SendWebhookInput = {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
  /** Injectable DNS for tests; defaults to the system resolver. */
  lookup?: LookupFn;
  /** Injectable clocks for tests: `now` (epoch ms) for Retry-After dates, `monotonic` (ms) for latency. */
  clock?: { now?: () => number; monotonic?: () => number };
};

export type SendWebhookResult = {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** At most RESPONSE_EXCERPT_BYTES of UTF-8, never a split character, no NUL. */
  responseExcerpt: string;
  error: string | null;
  retryAfterSeconds: number | null;
  gone: boolean;
};

// Set by us; a caller-supplied value could retarget the request or desynchronise framing.
const RESERVED_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection"]);

/**
 * POSTs `body` once. The host is resolved and vetted here, then the socket connects to that
 * checked address only (pinned `lookup`), while Host and TLS SNI keep the hostname. Redirects are
 * never followed. One timeout covers DNS, connect, TLS, headers and the excerpt. Never throws.
 */
export async function sendWebhook(input: SendWebhookInput): Promise<SendWebhookResult> {
  const monotonic = input.clock?.monotonic ?? (() => performance.now());
  const startedAt = monotonic();
  const elapsed = () => Math.round(monotonic() - startedAt);
  const failure = (error: string): SendWebhookResult => ({
    ok: false,
    statusCode: null,
    latencyMs: elapsed(),
    responseExcerpt: "",
    error,
    retryAfterSeconds: null,
    gone: false,
  });
  try {
    const parsed = parseWebhookUrl(input.url, { allowPrivate: input.allowPrivate });
    if (!parsed.ok) return failure(`refused: ${parsed.reason}`);

    const target = await withTimeout(resolveAndCheck(parsed.url, { allowPrivate: input.allowPrivate, lookup: input.lookup }), input.timeoutMs);
    if (target === TIMED_OUT) return failure(`timeout after ${input.timeoutMs} ms (resolving host)`);
    if (!target.ok) {
      return failure(target.code === "private_address" ? `refused: ${target.reason}` : `dns: ${target.reason}`);
    }
    const remainingMs = Math.max(1, input.timeoutMs - (monotonic() - startedAt));
    const outcome = await post(parsed.url, { address: target.address, family: target.family }, input, remainingMs);
    return { ...outcome, latencyMs: elapsed() };
  } catch (err) {
    // Shown to customers in the attempt log and the test-event answer: the reason stays in the
    // server's log, not in what they read.
    console.error(`nexio webhooks: unexpected error sending a webhook: ${err instanceof Error ? err.message : String(err)}`);
    return failure("internal error: the request could not be sent");
  }
}

const TIMED_OUT = Symbol("timed out");

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([promise, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

/** A `lookup` that answers every query with the already-vetted address: no second DNS query. */
function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    // Node ≥ 20 asks with `all: true` when autoSelectFamily is on, and without it otherwise.
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

type SendOutcome = Omit<SendWebhookResult, "latencyMs">;

function post(url: URL, pinned: { address: string; family: 4 | 6 }, input: SendWebhookInput, timeoutMs: number): Promise<SendOutcome> {
  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    let response: http.IncomingMessage | null = null;
    const chunks: Buffer[] = [];
    let received = 0;

    const settle = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Whatever is left of the body is not read: closing the socket is the cheapest drain.
      request.destroy();
      resolve(outcome);
    };
    const settleWithResponse = () => {
      if (response) settle(judgeResponse(response, Buffer.concat(chunks), (input.clock?.now ?? Date.now)()));
    };

    const request = (url.protocol === "https:" ? https : http).request({
      protocol: url.protocol,
      hostname: bareHostname(url),
      port: url.port === "" ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: "POST",
      headers: requestHeaders(input),
      agent: false, // a pooled socket would skip the per-attempt address check
      lookup: pinnedLookup(pinned.address, pinned.family),
    });
    const timer = setTimeout(() => {
      // Once the status line is in, the receiver has answered: judge that, with what body came.
      if (response) settleWithResponse();
      else settle(noResponse(`timeout after ${input.timeoutMs} ms`));
    }, timeoutMs);

    request.on("error", (err) => {
      if (response) settleWithResponse();
      else settle(noResponse(describeNetworkError(err)));
    });
    request.on("response", (res) => {
      response = res;
      res.on("data", (chunk: Buffer) => {
        if (received < RESPONSE_EXCERPT_BYTES) chunks.push(chunk);
        received += chunk.length;
        if (received >= RESPONSE_EXCERPT_BYTES) settleWithResponse();
      });
      res.on("end", settleWithResponse);
      res.on("error", settleWithResponse);
      res.on("close", settleWithResponse);
    });
    request.end(input.body);
  });
}

function requestHeaders({ headers, body }: SendWebhookInput): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!RESERVED_HEADERS.has(name.toLowerCase())) result[name] = value;
  }
  result["content-length"] = String(Buffer.byteLength(body));
  result["connection"] = "close";
  return result;
}

function noResponse(error: string): SendOutcome {
  return { ok: false, statusCode: null, responseExcerpt: "", error, retryAfterSeconds: null, gone: false };
}

function judgeResponse(res: http.IncomingMessage, body: Buffer, now: number): SendOutcome {
  const statusCode = res.statusCode ?? 0;
  const ok = statusCode >= 200 && statusCode < 300;
  let error: string | null = null;
  if (statusCode >= 300 && statusCode < 400) {
    const location = typeof res.headers.location === "string" ? res.headers.location.slice(0, 200) : "";
    error = `redirect ${statusCode} not followed${location ? ` (to ${location})` : ""}`;
  } else if (!ok) {
    error = `HTTP ${statusCode}${statusCode === 410 ? " (gone)" : ""}`;
  }
  const retryAfterSeconds = statusCode === 429 || statusCode === 503 ? parseRetryAfter(headerValue(res.headers["retry-after"]), now) : null;
  return {
    ok,
    statusCode,
    responseExcerpt: utf8Excerpt(body, RESPONSE_EXCERPT_BYTES),
    error,
    retryAfterSeconds,
    gone: statusCode === 410,
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Retry-After as whole seconds from now: delta-seconds or an HTTP-date (past dates → 0). */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return Number.isSafeInteger(seconds) ? seconds : null;
  }
  // Only date-looking values: Date.parse would also accept things like "7.5" or "1 2".
  if (!/^[A-Za-z]{3},? /.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The first ≤ `maxBytes` bytes as text: a character cut at the limit is dropped rather than
 * turned into U+FFFD, and NUL (which PostgreSQL text columns reject) becomes U+FFFD.
 */
export function utf8Excerpt(body: Buffer, maxBytes: number = RESPONSE_EXCERPT_BYTES): string {
  const decoder = new TextDecoder("utf-8", { fatal: false });
  // stream: true holds back an incomplete trailing sequence instead of emitting U+FFFD for it.
  let text = decoder.decode(body.subarray(0, maxBytes), { stream: true }).replace(/\u0000/g, "\uFFFD");
  // Replacements (3 bytes each) for invalid input can push the text past the byte budget.
  while (Buffer.byteLength(text) > maxBytes) text = Array.from(text).slice(0, -1).join("");
  return text;
}

function describeNetworkError(err: NodeJS.ErrnoException): string {
  const code = err.code ?? "";
  if (/CERT|TLS|SSL|UNABLE_TO|SELF_SIGNED|HOSTNAME|ALTNAME/.test(code)) return `tls error: ${err.message}`;
  if (code.startsWith("HPE_")) return `invalid HTTP response: ${err.message}`;
  return `connection error: ${err.message}`;
}
