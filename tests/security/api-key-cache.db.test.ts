import { beforeEach, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { GET as POOLS } from "@/app/api/v1/pools/route";
import { ProcessCache } from "@/lib/process-cache";
import { authenticateApiKey, cachedApiKey, cachedApiKeyCount, forgetAllApiKeys, revokeApiKey } from "@/lib/keys/api-keys";
import { resetRateLimitsForTests } from "@/lib/api/rate-limit";
import { INVALID_KEYS_PER_MINUTE } from "@/lib/api/invalid-keys";
import { clientAddress } from "@/lib/api/client-address";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { randomBase62 } from "@/lib/ids";
import { newOrg, testDb } from "@/tests/setup/db";
import { call, expectError } from "@/tests/api/helpers";

// The API-key cache: a revocation while a lookup is in flight is not undone by that lookup; unknown
// keys are not cached (they cannot push valid keys out); an address presenting unknown keys is
// limited without touching the cache; X-Forwarded-For counts only from trusted proxies.

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
};

beforeEach(() => {
  resetRateLimitsForTests();
  forgetAllApiKeys();
});

describe("process cache", () => {
  it("does not remember a value loaded before a delete that happened during the load", async () => {
    const cache = new ProcessCache<string>(60_000, 10);
    const g = gate();
    const first = cache.get("k", async () => (await g.opened, "stale"));
    cache.delete("k");
    g.open();
    expect(await first).toBe("stale");
    expect(await cache.get("k", async () => "fresh")).toBe("fresh");
  });

  it("drops the oldest entry when full, not every entry", async () => {
    const cache = new ProcessCache<number>(60_000, 3);
    for (const k of ["a", "b", "c", "d"]) await cache.get(k, async () => 1);
    expect(cache.size).toBe(3);
    expect(cache.peek("a")).toBeUndefined();
    expect(cache.peek("d")).toBe(1);
  });
});

describe("API keys", () => {
  it("a key revoked while its lookup is in flight is not cached as valid", async () => {
    const { org, key, keyId } = await newOrg("keyrace");
    const db = testDb();
    const g = gate();
    // The lookup reads the row (still valid), then waits while the key is revoked.
    const slow = {
      apiKey: {
        findUnique: async (args: never) => {
          const row = await db.apiKey.findUnique(args);
          await g.opened;
          return row;
        },
        update: (args: never) => db.apiKey.update(args),
        updateMany: (args: never) => db.apiKey.updateMany(args),
      },
    } as unknown as PrismaClient;
    const inFlight = authenticateApiKey(slow, key);
    await new Promise((r) => setTimeout(r, 50));
    expect(await revokeApiKey(db, org.id, keyId)).toBe(true);
    g.open();
    await inFlight;
    expect(cachedApiKey(key)).toBeUndefined();
    expect(await authenticateApiKey(db, key)).toBeNull();
  });

  it("unknown keys are not cached and do not push a valid key out", async () => {
    const { key } = await newOrg("keyflood");
    const db = testDb();
    expect(await authenticateApiKey(db, key)).not.toBeNull();
    const none = { apiKey: { findUnique: async () => null } } as unknown as PrismaClient;
    for (let i = 0; i < 10_050; i++) expect(await authenticateApiKey(none, `nx_live_${randomBase62(32)}`)).toBeNull();
    expect(cachedApiKeyCount()).toBe(1);
    expect(cachedApiKey(key)).toBeDefined();
  });

  it("an address presenting unknown keys gets 429 after the limit; cached valid keys and other addresses are unaffected", async () => {
    const { key } = await newOrg("keylimit");
    const from = (ip: string, k: string) => call(POOLS, "/api/v1/pools", { key: k, headers: { "x-forwarded-for": ip } });
    expect((await from("203.0.113.7", key)).status).toBe(200);
    for (let i = 0; i < INVALID_KEYS_PER_MINUTE; i++) expectError(await from("203.0.113.7", `nx_live_${randomBase62(32)}`), 401, "unauthorized");
    const limited = await from("203.0.113.7", `nx_live_${randomBase62(32)}`);
    expectError(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await from("203.0.113.7", key)).status).toBe(200);
    expectError(await from("198.51.100.9", `nx_live_${randomBase62(32)}`), 401, "unauthorized");
  });
});

describe("X-Forwarded-For", () => {
  const require = createRequire(import.meta.url);
  const { forwardedChain, parseTrusted } = require("../../scripts/forwarded-for.cjs") as {
    forwardedChain: (given: string | undefined, peer: string, trusted: unknown[]) => string;
    parseTrusted: (text: string) => unknown[];
  };
  const headers = (xff: string) => new Headers({ "x-forwarded-for": xff });

  it("without TRUSTED_PROXIES a client's own header is replaced by the socket's address", () => {
    const xff = forwardedChain("1.2.3.4", "::ffff:198.51.100.20", parseTrusted(""));
    expect(xff).toBe("198.51.100.20");
    expect(clientAddress(headers(xff), [])).toBe("198.51.100.20");
  });

  it("behind a trusted proxy the client is the first address the proxies did not vouch for", () => {
    const trusted = "10.0.0.0/8";
    const viaProxy = forwardedChain("6.6.6.6, 203.0.113.5", "10.1.2.3", parseTrusted(trusted));
    expect(viaProxy).toBe("6.6.6.6, 203.0.113.5, 10.1.2.3");
    expect(clientAddress(headers(viaProxy), [trusted])).toBe("203.0.113.5");
    // A client talking to us directly cannot pass a header on, even one naming a trusted proxy.
    const direct = forwardedChain("10.9.9.9", "203.0.113.5", parseTrusted(trusted));
    expect(clientAddress(headers(direct), [trusted])).toBe("203.0.113.5");
  });
});
