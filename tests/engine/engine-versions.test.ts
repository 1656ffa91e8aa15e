import { describe, expect, it } from "vitest";
import { ENGINE_VERSION, engineForTrace, evaluate } from "@/lib/engine";
import * as v1 from "@/lib/engine/v1";
import { carrier, AS_OF, SEED_PROFILE } from "./fixtures";

// Engine 1 stays callable so that results and traces it produced keep their own evidence.
describe("engine versions", () => {
  it("new evaluations record engine 2; a 1.x trace is explained by the frozen engine 1", () => {
    expect(ENGINE_VERSION).toBe("2.2.0");
    expect(evaluate("carriers", SEED_PROFILE, [carrier()], { asOf: AS_OF }).trace.engine_version).toBe("2.2.0");
    expect(engineForTrace("1.0.0").version).toBe("1.0.0");
    // 2.x traces (2.0.0, 2.1.0) are explained by the current engine: each 2.x addition changes nothing without its input.
    expect(engineForTrace("2.1.0").version).toBe("2.2.0");
    expect(engineForTrace(null).version).toBe("2.2.0");
  });

  it("engine 1 still gives engine 1's result, evidence and filter codes for the same inputs", () => {
    const c = carrier({ market_type: "es", admitted_states: [], surplus_lines_states: ["CA"] }, { rate_position: 2 });
    const old = v1.evaluate("carriers", SEED_PROFILE, [c], { asOf: AS_OF });
    expect(old.trace.engine_version).toBe("1.0.0");
    expect(old.result.candidates[0]).not.toHaveProperty("market");
    const e1 = engineForTrace("1.0.0").explain("carriers", SEED_PROFILE, c, { asOf: AS_OF });
    const e2 = engineForTrace("2.1.0").explain("carriers", SEED_PROFILE, c, { asOf: AS_OF });
    if (!e1.eligible || !e2.eligible) throw new Error("filtered");
    // Engine 1 added a flat 4 % for surplus lines; engine 2 uses California's 3 % tax + 0.18 % fee.
    expect(e1.dimensions.pricing.rule).toBe("pricing.rate_position +6% incl. surplus-lines tax → L3");
    expect(e2.dimensions.pricing.rule).toBe("pricing.indication +5.2% vs market incl. surplus-lines tax and fee → L3");
    expect(e1.reasoning).toBe(old.result.candidates[0].reasoning);
    expect(engineForTrace("1.0.0").getDomain("carriers")!.filterCodes).toContain("revenue_outside_band");
    expect(engineForTrace("2.1.0").getDomain("carriers")!.filterCodes).toContain("exposure_outside_band");
  });
});
