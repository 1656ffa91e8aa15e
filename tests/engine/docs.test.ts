import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { CARRIER_RULES, DOMAINS, ENGINE_VERSION, REGULATORY_RULES, evaluate } from "@/lib/engine";
import { generateCarriers } from "@/lib/pools/demo";
import { AS_OF, SEED_PROFILE } from "./fixtures";

// docs/scoring.md is written for underwriters; these checks keep it from drifting from the code.
const doc = fs.readFileSync(path.join(import.meta.dirname, "../../docs/scoring.md"), "utf8");
const prose = doc.replace(/\s+/g, " ");

describe("docs/scoring.md", () => {
  it("names the engine version and documents every filter code of every domain, each regulatory rule with its source", () => {
    expect(doc).toContain(`Engine version ${ENGINE_VERSION}`);
    for (const pack of Object.values(DOMAINS)) for (const code of pack.filterCodes) expect(doc).toContain(`\`${code}\``);
    const cites: Record<string, string> = { monopolistic_wc_state: "Ohio Rev. Code ch. 4123", admitted_only_line: "Cal. Lab. Code §3700(a)" };
    for (const r of REGULATORY_RULES) {
      const row = doc.split("\n").find((l) => l.startsWith(`| \`${r.code}\``))!;
      expect(row).toContain(cites[r.code]);
      expect(r.source).toContain(cites[r.code]);
    }
    // The surplus-lines statutes the table cites for its declination counts.
    for (const cite of ["Cal. Ins. Code §1763", "N.Y. Ins. Law §2118", "15 U.S.C. §§ 8201–8206"]) expect(prose).toContain(cite);
    // Documented reference rates and near-miss margins match the rules.
    expect(prose).toContain(`professional liability ${CARRIER_RULES.pricing.reference_rates.professional_liability}`);
    expect(prose).toContain(`\`band_pct\` = ${CARRIER_RULES.near_miss.band_pct}`);
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
    expect([first.name, first.score, first.tier, first.confidence, first.market, first.premium_indication]).toEqual([
      "Blue River Mutual",
      88,
      "STRONG_FIT",
      "MEDIUM",
      "admitted",
      20_160,
    ]);
    expect(prose).toContain(`*"${first.reasoning}"*`);
    const slRank = result.candidates.findIndex((c) => c.market === "surplus_lines");
    const sl = result.candidates[slRank];
    expect([slRank + 1, sl.name, sl.score, sl.tier, sl.premium_indication]).toEqual([12, "Sablefall Surplus Lines", 88, "STRONG_FIT", 20_058.19]);
    expect(prose).toContain(`*"${sl.reasoning}"*`);
    expect(doc).toContain(`**${result.filtered}**`);
    expect(doc).toContain(`| ${trace.eliminated.state_not_admitted.length.toLocaleString("en-US")} |`);
    expect(trace.near_misses).toHaveLength(2);
  });
});
