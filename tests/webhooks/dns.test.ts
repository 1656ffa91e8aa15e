import { describe, expect, it } from "vitest";
import { createResolver, type DnsQuery } from "@/lib/webhooks/dns";

// The webhook resolver with an injected query (no real DNS): at most maxConcurrent lookups run at
// once, a lookup that gets no answer fails with ETIMEOUT and is cancelled, its slot goes to the
// next, and waiting is bounded by the same timeout.

function controlled() {
  let active = 0;
  let maxActive = 0;
  const pending: Array<{ resolve: (v: string[]) => void; signal: AbortSignal }> = [];
  const query: DnsQuery = (_host, family, _timeout, signal) => {
    active++;
    maxActive = Math.max(maxActive, active);
    return new Promise<string[]>((resolve) => {
      const done = (v: string[]) => {
        active--;
        resolve(v);
      };
      signal.addEventListener("abort", () => active--, { once: true });
      pending.push({ resolve: family === 4 ? () => done(["93.184.216.34"]) : () => done([]), signal });
    });
  };
  return {
    query,
    pending,
    get active() {
      return active;
    },
    get maxActive() {
      return maxActive;
    },
  };
}

describe("webhook DNS resolver", () => {
  it("runs at most maxConcurrent lookups at once; the rest wait their turn", async () => {
    const q = controlled();
    const lookup = createResolver({ timeoutMs: 10_000, maxConcurrent: 3, query: q.query });
    const all = Array.from({ length: 10 }, (_, i) => lookup(`host${i}.example.com`));
    await new Promise((r) => setTimeout(r, 10));
    expect(lookup.active).toBe(3);
    expect(lookup.queued).toBe(7);
    while (q.pending.length) {
      q.pending.shift()!.resolve([]);
      await new Promise((r) => setTimeout(r, 0));
    }
    const results = await Promise.all(all);
    expect(results.every((r) => r[0].address === "93.184.216.34")).toBe(true);
    // two queries (A and AAAA) per lookup, three lookups at a time
    expect(q.maxActive).toBe(6);
    expect(lookup.active).toBe(0);
  });

  it("a lookup with no answer fails with ETIMEOUT, is cancelled, and frees its slot", async () => {
    const q = controlled();
    const lookup = createResolver({ timeoutMs: 50, maxConcurrent: 1, query: q.query });
    const first = lookup("silent.example.com");
    const second = lookup("queued.example.com");
    second.catch(() => {}); // asserted below, after the first
    await expect(first).rejects.toMatchObject({ code: "ETIMEOUT" });
    expect(q.pending.slice(0, 2).every((p) => p.signal.aborted)).toBe(true);
    // the waiter's budget ran out with the first one's: it is refused too, not left hanging
    await expect(second).rejects.toMatchObject({ code: "ETIMEOUT" });
    expect(lookup.active).toBe(0);
    const third = lookup("answers.example.com");
    await new Promise((r) => setTimeout(r, 5));
    q.pending.at(-2)!.resolve([]);
    q.pending.at(-1)!.resolve([]);
    expect((await third)[0].address).toBe("93.184.216.34");
  });

  it("refuses at once when too many lookups are waiting", async () => {
    const q = controlled();
    const lookup = createResolver({ timeoutMs: 60_000, maxConcurrent: 1, maxQueued: 2, query: q.query });
    const held = [lookup("a.example.com"), lookup("b.example.com"), lookup("c.example.com")];
    await expect(lookup("d.example.com")).rejects.toMatchObject({ code: "EBUSY" });
    while (q.pending.length || lookup.active) {
      q.pending.shift()?.resolve([]);
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(held);
  });
});
