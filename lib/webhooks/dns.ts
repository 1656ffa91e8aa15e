import { Resolver } from "node:dns/promises";
import type { LookupAddress, LookupFn } from "@/lib/webhooks/ssrf";

// Webhook hosts are resolved with c-ares (dns.Resolver), not dns.lookup: lookup runs getaddrinfo on
// libuv's 4-thread pool, which pbkdf/scrypt, zlib and file reads share, and its "timeout" can only
// stop waiting while the thread stays blocked. Here every query has a real timeout (c-ares gives
// up, and the query is cancelled), and at most `maxConcurrent` hosts are resolved at once; others
// wait their turn within the same time budget, and a full queue is refused at once. /etc/hosts is
// not read: a webhook host is a public DNS name (loopback names only matter with
// WEBHOOK_ALLOW_PRIVATE, and "localhost" is answered here).

export type DnsQuery = (hostname: string, family: 4 | 6, timeoutMs: number, signal: AbortSignal) => Promise<string[]>;

export interface ResolverOptions {
  timeoutMs: number;
  maxConcurrent: number;
  /** waiting lookups beyond which a new one is refused at once */
  maxQueued?: number;
  /** the DNS query itself; injectable so tests never use real DNS */
  query?: DnsQuery;
}

class DnsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const caresQuery: DnsQuery = async (hostname, family, timeoutMs, signal) => {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  const cancel = () => resolver.cancel();
  signal.addEventListener("abort", cancel, { once: true });
  try {
    return family === 4 ? await resolver.resolve4(hostname) : await resolver.resolve6(hostname);
  } finally {
    signal.removeEventListener("abort", cancel);
  }
};

function isLocalhost(host: string) {
  const name = host.replace(/\.$/, "").toLowerCase();
  return name === "localhost" || name.endsWith(".localhost");
}

export function createResolver(opts: ResolverOptions): LookupFn & { readonly active: number; readonly queued: number } {
  const query = opts.query ?? caresQuery;
  const maxQueued = opts.maxQueued ?? opts.maxConcurrent * 50;
  let active = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    active--;
    waiting.shift()?.();
  };

  /** A slot, or ETIMEOUT when none frees up before `deadline`. */
  async function acquire(deadline: number): Promise<void> {
    if (active < opts.maxConcurrent) {
      active++;
      return;
    }
    if (waiting.length >= maxQueued) throw new DnsError("EBUSY", "too many DNS lookups waiting");
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        active++;
        resolve();
      };
      const timer = setTimeout(
        () => {
          const i = waiting.indexOf(turn);
          if (i >= 0) waiting.splice(i, 1);
          reject(new DnsError("ETIMEOUT", "DNS lookup timed out waiting for its turn"));
        },
        Math.max(0, deadline - Date.now()),
      );
      waiting.push(turn);
    });
  }

  async function lookup(hostname: string): Promise<LookupAddress[]> {
    if (isLocalhost(hostname)) return [{ address: "127.0.0.1", family: 4 }];
    const deadline = Date.now() + opts.timeoutMs;
    await acquire(deadline);
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    try {
      const remaining = Math.max(1, deadline - Date.now());
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new DnsError("ETIMEOUT", `DNS lookup of ${hostname} timed out`));
        }, remaining);
      });
      const [v4, v6] = await Promise.race([
        Promise.allSettled([query(hostname, 4, remaining, controller.signal), query(hostname, 6, remaining, controller.signal)]),
        expired,
      ]);
      const addresses: LookupAddress[] = [
        ...(v4.status === "fulfilled" ? v4.value.map((address) => ({ address, family: 4 })) : []),
        ...(v6.status === "fulfilled" ? v6.value.map((address) => ({ address, family: 6 })) : []),
      ];
      if (addresses.length === 0) {
        const reason = v4.status === "rejected" ? v4.reason : v6.status === "rejected" ? v6.reason : null;
        throw new DnsError((reason as NodeJS.ErrnoException | null)?.code ?? "ENODATA", `no address for ${hostname}`);
      }
      return addresses;
    } finally {
      clearTimeout(timer);
      controller.abort();
      release();
    }
  }

  return Object.defineProperties(lookup, {
    active: { get: () => active },
    queued: { get: () => waiting.length },
  }) as LookupFn & { readonly active: number; readonly queued: number };
}

/** The process's resolver for webhook hosts: 5 s per lookup, 8 at once. */
export const WEBHOOK_DNS = { timeoutMs: 5_000, maxConcurrent: 8 };

declare global {
  var __nexioWebhookResolver: LookupFn | undefined;
}

export function webhookResolver(): LookupFn {
  globalThis.__nexioWebhookResolver ??= createResolver(WEBHOOK_DNS);
  return globalThis.__nexioWebhookResolver;
}
