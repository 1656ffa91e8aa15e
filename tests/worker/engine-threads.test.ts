import { afterAll, describe, expect, it } from "vitest";
import { EngineThreads } from "@/lib/worker/engine-threads";
import { PermanentJobError, runEvaluation, type PreparedEvaluation } from "@/lib/worker/run-evaluation";
import { gunzipJson, gzipJson } from "@/lib/jobs/result-codec";
import { generateCarriers } from "@/lib/pools/demo";

// The engine threads (lib/worker/engine-threads.ts) run the same pure evaluation as the main
// thread: these tests hold them to the same bytes, the same errors, and their queue's order.

const candidates = generateCarriers();
const prep = (over: Partial<PreparedEvaluation> = {}): PreparedEvaluation => ({
  domainId: "carriers",
  profile: { entity: "acme", state: "TX", line: "general_liability", revenue: 3_000_000, employees: 20 },
  poolVersionId: "pv_threads_test",
  poolKey: "carriers:all",
  poolVersion: 1,
  candidates,
  asOf: "2026-11-30T00:00:00.000Z",
  rules: { overrides: {}, version: 0, id: null },
  loadMs: 0,
  ...over,
});

const pools: EngineThreads[] = [];
const threads = (n: number) => {
  const t = new EngineThreads(n);
  pools.push(t);
  return t;
};
afterAll(async () => {
  await Promise.all(pools.map((t) => t.close()));
});

describe("engine threads", () => {
  it("store exactly the bytes the main thread would: result and trace, for several profiles and pool versions", async () => {
    const t = threads(2);
    const inputs = [
      prep(),
      prep({ profile: { entity: "b", state: "CA", line: "professional_liability", revenue: 12_000_000 } }),
      // another pool version (fewer carriers): the thread must not reuse the first one's candidates
      prep({ poolVersionId: "pv_threads_small", poolVersion: 2, candidates: candidates.slice(0, 400) }),
    ];
    const outs = await Promise.all(inputs.map((p) => t.run(p)));
    for (const [i, p] of inputs.entries()) {
      const inline = runEvaluation(p);
      expect(Buffer.compare(outs[i].encoded.result, gzipJson(inline.result))).toBe(0);
      expect(Buffer.compare(outs[i].encoded.trace, gzipJson(inline.trace))).toBe(0);
      expect(outs[i].poolSize).toBe(inline.poolSize);
      expect(outs[i].filtered).toBe(inline.filtered);
      expect(outs[i].rulesVersion).toBe(0);
    }
    expect(outs[2].poolSize).toBe(400);
    expect(gunzipJson<{ pool_size: number }>(outs[0].encoded.result).pool_size).toBe(1847);
  });

  it("turn rules the engine does not know into the same permanent error as on the main thread", async () => {
    const bad = prep({ rules: { overrides: { no_such_rule: { x: 1 } }, version: 7, id: "rs_x" } });
    const inline = (() => {
      try {
        runEvaluation(bad);
      } catch (e) {
        return e;
      }
    })();
    expect(inline).toBeInstanceOf(PermanentJobError);
    const err = await threads(1)
      .run(bad)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(PermanentJobError);
    expect((err as PermanentJobError).code).toBe((inline as PermanentJobError).code);
    expect((err as PermanentJobError).message).toBe((inline as PermanentJobError).message);
  });

  it("give a person's single job the next free thread, ahead of batch rows already waiting", async () => {
    const t = threads(1);
    const order: string[] = [];
    const track = (name: string, p: Promise<unknown>) => p.then(() => order.push(name));
    const all = [...Array.from({ length: 4 }, (_, i) => track(`batch${i}`, t.run(prep(), false))), track("single", t.run(prep(), true))];
    await Promise.all(all);
    // batch0 was already on the thread; the single job goes next, before the rows that waited longer.
    expect(order).toEqual(["batch0", "single", "batch1", "batch2", "batch3"]);
  });

  it("refuse work once closed", async () => {
    const t = threads(1);
    await t.close();
    await expect(t.run(prep())).rejects.toThrow(/closed/);
  });
});
