import { describe, expect, it } from "vitest";
import { cn } from "@/lib/cn";

// Overrides are predictable: the caller's class wins over the component's for the same property.
describe("cn", () => {
  it("lets a later class override an earlier one for the same property", () => {
    expect(cn("inline-flex rounded-md px-3.5 py-2 text-sm", "px-2.5 py-1.5")).toBe("inline-flex rounded-md text-sm px-2.5 py-1.5");
    expect(cn("bg-white text-slate-800", "bg-indigo-700")).toBe("text-slate-800 bg-indigo-700");
  });

  it("keeps classes for different properties, drops false/undefined, reads objects", () => {
    expect(cn("p-4", false, undefined, { "ring-1": true, hidden: false }, "mt-2")).toBe("p-4 ring-1 mt-2");
  });
});
