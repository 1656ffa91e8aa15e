import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import {
  CARRIER_RULES,
  DIMENSIONS,
  DOMAINS,
  ENGINE_VERSION,
  LINE_LABELS,
  LINES,
  STATES,
  STATE_NAMES,
  RuleOverrideError,
  UnknownDomainError,
  evaluate,
  explain,
  filterRuleText,
  getDomain,
  resolveRules,
} from "@/lib/engine";
import { generateCarriers } from "@/lib/pools/demo";
import { AS_OF, SEED_PROFILE, carrier, countBy } from "./fixtures";

const pool = generateCarriers();

describe("rule overrides", () => {
  const base = evaluate("carriers", SEED_PROFILE, pool, { asOf: AS_OF });

  it("raising the STRONG_FIT cut-off moves candidates down a tier and changes the rules hash", () => {
    const raised = evaluate("carriers", SEED_PROFILE, pool, { asOf: AS_OF, rules: { tier: { strong_min_score: 95 } } });
    const before = countBy(base.result.candidates, (c) => c.tier).STRONG_FIT ?? 0;
    const after = countBy(raised.result.candidates, (c) => c.tier).STRONG_FIT ?? 0;
    expect(before).toBeGreaterThan(after);
    expect(raised.trace.rules_hash).not.toBe(base.trace.rules_hash);
    expect(raised.result.filtered).toBe(base.result.filtered);
  });

  it("changing weights changes scores; a tighter filter removes candidates", () => {
    const w = evaluate("carriers", SEED_PROFILE, pool, { asOf: AS_OF, rules: { weights: { appetite: 80 } } });
    expect(w.result.candidates.map((c) => c.score)).not.toEqual(base.result.candidates.map((c) => c.score));
    const floor = evaluate("carriers", SEED_PROFILE, pool, { asOf: AS_OF, rules: { filters: { min_am_best: "A" } } });
    expect(floor.result.filtered).toBeLessThan(base.result.filtered);
    expect(floor.trace.eliminated.below_financial_floor.length).toBeGreaterThan(base.trace.eliminated.below_financial_floor.length);
  });

  it("an empty override is the default rule set, with the same hash", () => {
    expect(evaluate("carriers", SEED_PROFILE, pool, { asOf: AS_OF, rules: {} }).trace.rules_hash).toBe(base.trace.rules_hash);
  });

  it("replaces arrays wholesale and never mutates the defaults", () => {
    const snapshot = JSON.stringify(CARRIER_RULES);
    const merged = resolveRules("carriers", { coverage: { levels: [{ level: 1, min_headroom: 1, min_key_features: 0 }] } }) as typeof CARRIER_RULES;
    expect(merged.coverage.levels).toHaveLength(1);
    expect(merged.coverage.default_requested_limit).toBe(1_000_000);
    expect(JSON.stringify(CARRIER_RULES)).toBe(snapshot);
  });

  it("rejects unknown rules and wrong types loudly", () => {
    expect(() => resolveRules("carriers", { tier: { strong_min_scor: 90 } } as never)).toThrow(/Unknown rule rules\.tier\.strong_min_scor/);
    expect(() => resolveRules("carriers", { weights: { appetite: "high" } } as never)).toThrow(/rules\.weights\.appetite must be a number/);
    expect(() => resolveRules("carriers", { tier: 3 } as never)).toThrow(RuleOverrideError);
  });
});

describe("public API", () => {
  it("exports the version, dimensions and both domains", () => {
    expect(ENGINE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(DIMENSIONS).toEqual(["appetite", "coverage", "financial", "pricing", "placement", "service"]);
    expect(Object.keys(DOMAINS)).toEqual(["carriers", "providers"]);
    expect(getDomain("carriers")?.id).toBe("carriers");
    expect(getDomain("nope")).toBeUndefined();
    expect(getDomain("toString")).toBeUndefined();
  });

  it("refuses an unknown domain and an unparseable asOf", () => {
    expect(() => evaluate("nope", SEED_PROFILE, [], { asOf: AS_OF })).toThrow(UnknownDomainError);
    expect(() => evaluate("carriers", SEED_PROFILE, [], { asOf: "yesterday" })).toThrow(/asOf/);
  });

  it("has strict profile schemas with the enumerations the form needs", () => {
    const s = DOMAINS.carriers.profileSchema;
    expect(s.safeParse(SEED_PROFILE).success).toBe(true);
    expect(s.safeParse({ ...SEED_PROFILE, extra: 1 }).success).toBe(false);
    expect(s.safeParse({ ...SEED_PROFILE, state: "XX" }).success).toBe(false);
    expect(s.safeParse({ ...SEED_PROFILE, naics: "5415" }).success).toBe(false);
    expect(s.safeParse({ ...SEED_PROFILE, effective_date: "2026-02-30" }).success).toBe(false);
    expect(STATES).toHaveLength(51);
    expect(Object.keys(STATE_NAMES)).toEqual([...STATES]);
    expect(Object.keys(LINE_LABELS)).toEqual([...LINES]);
    for (const l of [
      "general_liability",
      "professional_liability",
      "property",
      "workers_compensation",
      "commercial_auto",
      "cyber",
      "directors_officers",
      "employment_practices",
      "umbrella",
      "product_liability",
    ]) {
      expect(LINES).toContain(l);
    }
    expect(DOMAINS.providers.profileSchema.safeParse(DOMAINS.providers.exampleProfile).success).toBe(true);
  });

  it("describes every profile field for the dashboard form", () => {
    for (const pack of Object.values(DOMAINS)) {
      const names = pack.fieldMeta.map((f) => f.name);
      expect(names).toEqual(Object.keys(pack.profileSchema.shape));
      for (const f of pack.fieldMeta) {
        expect(f.title.length).toBeGreaterThan(2);
        expect(f.description.length).toBeGreaterThan(10);
      }
    }
    const state = DOMAINS.carriers.fieldMeta.find((f) => f.name === "state")!;
    expect(state).toMatchObject({ kind: "enum", required: true });
    expect(state.options).toContainEqual({ value: "CA", label: "California" });
    expect(DOMAINS.carriers.fieldMeta.find((f) => f.name === "naics")).toMatchObject({ kind: "string", required: false });
    expect(DOMAINS.carriers.fieldMeta.find((f) => f.name === "employees")).toMatchObject({ kind: "integer", min: 0 });
    expect(DOMAINS.carriers.fieldMeta.find((f) => f.name === "effective_date")).toMatchObject({ kind: "date" });
  });

  it("describes every filter code, unique across domains", () => {
    const codes = Object.values(DOMAINS).flatMap((d) => d.filterCodes);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(filterRuleText).sort()).toEqual([...codes].sort());
  });

  it("returns the seed's candidate shape", () => {
    const { result } = evaluate("carriers", SEED_PROFILE, [carrier()], { asOf: AS_OF });
    expect(Object.keys(result)).toEqual(["pool_size", "filtered", "candidates"]);
    // The seed's fields first, then what engine 2 adds (fields may be added, never renamed).
    expect(Object.keys(result.candidates[0])).toEqual(["id", "tier", "name", "confidence", "scores", "reasoning", "score", "market", "premium_indication"]);
    expect(Object.keys(result.candidates[0].scores)).toEqual([...DIMENSIONS]);
    expect(explain("carriers", SEED_PROFILE, carrier(), { asOf: AS_OF }).eligible).toBe(true);
  });
});

describe("engine purity", () => {
  const root = path.join(import.meta.dirname, "../../lib/engine");
  const files = fs.readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));

  it.each(files)("%s imports only zod and engine files, and reads no clock or randomness", (file) => {
    const src = fs.readFileSync(path.join(root, file), "utf8");
    const imports = [...src.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    for (const i of imports) {
      const inside = (i.startsWith("./") || i.startsWith("../")) && path.resolve(root, path.dirname(file), i).startsWith(root);
      expect(i === "zod" || inside, `${file} imports ${i}`).toBe(true);
    }
    expect(src).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random|performance\.now|process\./);
  });
});
