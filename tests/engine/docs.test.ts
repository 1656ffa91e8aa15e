import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { CARRIER_RULES, DOMAINS, ENGINE_VERSION, evaluate } from "@/lib/engine";
import { generateCarriers } from "@/lib/pools/demo";
import { AS_OF, SEED_PROFILE } from "./fixtures";

// docs/scoring.md is written for underwriters; these checks keep it from drifting from the code.
const doc = fs.readFileSync(path.join(import.meta.dirname, "../../docs/scoring.md"), "utf8");
const prose = doc.replace(/\s+/g, " ");

describe("docs/scoring.md", () => {
  it("names the engine version and documents every filter code of every domain", () => {
    expect(doc).toContain(`Engine version ${ENGINE_VERSION}`);
    for (const pack of Object.values(DOMAINS)) for (const code of pack.filterCodes) expect(doc).toContain(`\`${code}\``);
  });

  it("shows the default carrier weights and cut-offs", () => {
    const w = CARRIER_RULES.weights;
    expect(doc).toContain(`| weight | ${w.appetite} | ${w.coverage} | ${w.financial} | ${w.pricing} | ${w.placement} | ${w.service} |`);
    expect(doc).toContain(`score ≥ ${CARRIER_RULES.tier.strong_min_score}, appetite L1 or L2`);
    expect(doc).toContain(`\`filters.min_am_best\` = \`${CARRIER_RULES.filters.min_am_best}\``);
  });

  it("has a worked example that matches what the engine computes", () => {
    const { result, trace } = evaluate("carriers", SEED_PROFILE, generateCarriers(), { asOf: AS_OF });
    const [first] = result.candidates;
    expect([first.name, first.score, first.tier, first.confidence]).toEqual(["Granite Harbor Casualty", 89.5, "STRONG_FIT", "LOW"]);
    expect(prose).toContain(`*"${first.reasoning}"*`);
    const heron = result.candidates.find((c) => c.name === "White Heron Specialty")!;
    expect([heron.score, heron.tier, heron.confidence]).toEqual([77.5, "MODERATE_FIT", "MEDIUM"]);
    expect(prose).toContain(`*"${heron.reasoning}"*`);
    expect(doc).toContain(`**${result.filtered}**`);
    expect(doc).toContain(`| ${trace.eliminated.state_not_admitted.length.toLocaleString("en-US")} |`);
  });
});
