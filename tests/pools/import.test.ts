import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { DOMAINS, getDomain, type Carrier } from "@/lib/engine";
import { demoPools } from "@/lib/pools/demo";
import { candidatesToCsv } from "@/lib/pools/export";
import { assertJsonRowCount, parsePoolFile, POOL_IMPORT_LIMITS, type ParsedPoolFile } from "@/lib/pools/import";
import { candidateColumns } from "@/lib/pools/columns";
import { POOL_DOMAINS } from "@/lib/pools/schemas";

// The pool file parser and validator on its own: formats, cell rules, the per-row report.

const carriers = getDomain("carriers")!.candidateSchema;
const providers = getDomain("providers")!.candidateSchema;
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures", name), "utf8");

function ok(result: ParsedPoolFile) {
  if (!result.ok) throw new Error(`expected a valid file: ${JSON.stringify(result.report.details)}`);
  return result;
}
function fileError(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error("expected the file to be refused");
}

describe("engine-2 carrier format", () => {
  const newLine = {
    appetite: "consider",
    exposure_min: 500_000,
    exposure_max: 25_000_000,
    states: ["CA", "NV"],
    state_appetite: { CA: "limited" },
    naics_appetite: { "23": "target", "5617": "consider", "238910": "prohibited" },
    min_premium: 2500,
    min_retention: 1000,
    base_rate: 1.4,
  };
  const record = {
    id: "car_new",
    name: "New Format Mutual",
    market_type: "admitted",
    admitted_states: ["CA", "NV"],
    surplus_lines_states: [],
    group_name: "New Format Group",
    lines: { workers_compensation: newLine },
  };

  it("imports and exports the new fields (exposure band, line states, state appetite, class appetite, retention, base rate) in JSON and CSV", () => {
    const json = ok(parsePoolFile(carriers, "json", JSON.stringify([record])));
    expect(json.candidates[0]).toMatchObject({ group_name: "New Format Group", lines: { workers_compensation: newLine } });
    const back = ok(parsePoolFile(carriers, "csv", candidatesToCsv(carriers, json.candidates)));
    expect(back.candidates).toEqual(json.candidates);
  });

  it("still imports an engine-1 file (target_naics / excluded_naics, revenue bands, no new fields)", () => {
    const { candidates } = ok(parsePoolFile(carriers, "csv", fixture("carriers-small.csv")));
    expect((candidates[0] as { lines: Record<string, object> }).lines.professional_liability).not.toHaveProperty("naics_appetite");
  });

  it("reports a wrong class appetite or an inverted exposure band per row", () => {
    const badClass = { ...record, lines: { workers_compensation: { ...newLine, naics_appetite: { "23": "maybe" } } } };
    const badBand = { ...record, id: "car_new2", lines: { workers_compensation: { ...newLine, exposure_min: 9e9 } } };
    const result = parsePoolFile(carriers, "json", JSON.stringify([badClass, badBand]));
    expect(result.ok).toBe(false);
    expect(result.report.details.map((d) => d.path)).toEqual([
      "rows[1].lines.workers_compensation.naics_appetite.23",
      "rows[2].lines.workers_compensation.exposure_max",
    ]);
  });
});

describe("CSV", () => {
  it("reads the fixture: lists split on ';', dotted columns nested, numbers and booleans converted, null and empty cells", () => {
    const { candidates, report } = ok(parsePoolFile(carriers, "csv", fixture("carriers-small.csv")));
    expect(report).toEqual({ rows: 3, valid: 3, invalid: 0, details: [], omitted: 0 });
    const [first, second, third] = candidates as Carrier[];
    expect(first.admitted_states).toEqual(["AZ", "CA", "NV", "OR", "WA"]);
    expect(first.surplus_lines_states).toEqual([]);
    expect(first.placement).toEqual({ quote_turnaround_days: 2, hit_ratio: 0.42, binding_authority: true, submission_channel: "api" });
    expect(first.lines.professional_liability).toMatchObject({ appetite: "target", revenue_min: 1_000_000, target_naics: ["5415"] });
    expect(first.naic_code).toBe("10234"); // a string field stays a string even when it looks like a number
    expect(second.placement?.binding_authority).toBe(false);
    expect(third.naic_code).toBeNull();
    expect(third.am_best_outlook).toBeNull();
    expect(third).not.toHaveProperty("last_verified");
    expect(third.placement).toEqual({ submission_channel: "email" });
  });

  it("exports every demo pool to CSV and imports it back to exactly the same candidates", () => {
    for (const pool of demoPools()) {
      const schema = getDomain(pool.domain)!.candidateSchema;
      const back = ok(parsePoolFile(schema, "csv", candidatesToCsv(schema, pool.candidates)));
      expect(JSON.stringify(back.candidates)).toBe(JSON.stringify(pool.candidates));
    }
  });

  it("reports every invalid row with its 1-based row number and the field path; nothing is returned to store", () => {
    const result = parsePoolFile(carriers, "csv", fixture("carriers-invalid.csv"));
    expect(result.ok).toBe(false);
    expect(result.report).toMatchObject({ rows: 3, valid: 0, invalid: 3, omitted: 0 });
    const paths = result.report.details.map((d) => d.path);
    expect(paths).toEqual(["rows[1].am_best_rating", "rows[2].admitted_states.1", "rows[2].placement.hit_ratio", "rows[3].id"]);
    expect(result.report.details.map((d) => d.message)).toEqual([
      'Row 1, am_best_rating: "AAA" is not one of A++, A+, A, A-, B++, B+, B, B-, C++, C+, C, C-, D, NR',
      'Row 2, admitted_states.1: "XX" is not one of AL, AK, AZ, AR, CA, CO, CT, DE, DC, FL, GA, HI, ID, IL, IN, … (51 values)',
      "Row 2, placement.hit_ratio: Too big: expected number to be <=1",
      'Row 3, id: "bad_02" is already used by row 2',
    ]);
    expect("candidates" in result).toBe(false);
  });

  it("keeps text that is not a number in a number column, so validation names the field", () => {
    const csv = "id,name,market_type,admitted_states,surplus_lines_states,lines,placement.hit_ratio\nc1,One,admitted,CA,,{},high\n";
    const result = parsePoolFile(carriers, "csv", csv);
    expect(result.report.details).toEqual([expect.objectContaining({ path: "rows[1].placement.hit_ratio", code: "invalid_type" })]);
  });

  it("reports a broken JSON cell and a row with the wrong number of cells", () => {
    const csv = "id,name,market_type,admitted_states,surplus_lines_states,lines\nc1,One,admitted,CA,,{not json}\nc2,Two,admitted,CA,,{},extra\n";
    const paths = parsePoolFile(carriers, "csv", csv).report.details.map((d) => `${d.path} ${d.code}`);
    expect(paths).toContain("rows[1].lines invalid_json");
    expect(paths).toContain("rows[2] column_count");
  });

  it("optional lists: an empty cell leaves the field out, [] is an empty list", () => {
    const csv = "id,name,npi,specialty,state,zip,networks,age_groups,languages\np1,Clinic,1234567890,cardiology,CA,94110,[],,[]\n";
    const [p] = ok(parsePoolFile(providers, "csv", csv)).candidates as Record<string, unknown>[];
    expect(p).not.toHaveProperty("age_groups");
    expect(p.languages).toEqual([]);
  });

  it.each([
    ["an unknown column", "id,name,market_type,admitted_states,surplus_lines_states,lines,rating\n", "unknown_column"],
    ["a repeated column", "id,name,name,market_type,admitted_states,surplus_lines_states,lines\n", "duplicate_column"],
    ["a missing required column", "id,market_type,admitted_states,surplus_lines_states,lines\n", "missing_column"],
  ])("refuses a header with %s", (_what, header, code) => {
    const err = fileError(() => parsePoolFile(carriers, "csv", `${header}c1,x,admitted,CA,,{},y\n`));
    expect(err.code).toBe("invalid_request");
    expect(err.details.map((d) => d.code)).toContain(code);
  });
});

describe("JSON", () => {
  const valid = ok(parsePoolFile(carriers, "csv", fixture("carriers-small.csv"))).candidates;

  it("takes an array or {candidates: [...]} and gives the same candidates as the CSV", () => {
    expect(ok(parsePoolFile(carriers, "json", JSON.stringify(valid))).candidates).toEqual(valid);
    expect(ok(parsePoolFile(carriers, "json", JSON.stringify({ candidates: valid }))).candidates).toEqual(valid);
  });

  it("reports unknown fields, wrong types and duplicate ids per row", () => {
    const rows = [valid[0], { ...(valid[1] as object), am_best_ratng: "A" }, { ...(valid[2] as object), id: (valid[0] as { id: string }).id }, "not an object"];
    const result = parsePoolFile(carriers, "json", JSON.stringify(rows));
    expect(result.report).toMatchObject({ rows: 4, valid: 1, invalid: 3 });
    expect(result.report.details.map((d) => `${d.path} ${d.code}`)).toEqual([
      "rows[2].am_best_ratng unrecognized_keys",
      "rows[3].id duplicate_id",
      "rows[4] invalid_type",
    ]);
  });

  it.each([
    ["not JSON", "{oops"],
    ["not a list", '{"carriers": []}'],
    ["empty", "   "],
    ["an empty list", "[]"],
    ["a NUL character", '[{"id":"c\\u0000"}]'],
  ])("refuses a file that is %s", (_what, text) => {
    expect(fileError(() => parsePoolFile(carriers, "json", text)).code).toBe("invalid_request");
  });
});

describe("limits", () => {
  it(`refuses more than ${POOL_IMPORT_LIMITS.maxRows} rows`, () => {
    const text = JSON.stringify(Array.from({ length: POOL_IMPORT_LIMITS.maxRows + 1 }, () => ({})));
    expect(fileError(() => parsePoolFile(carriers, "json", text)).details[0].code).toBe("too_many_rows");
  });

  const header = candidateColumns(carriers)
    .filter((c) => c.path.length === 1 && !c.optional)
    .map((c) => c.name)
    .join(",");

  it("counts CSV rows while parsing: 20,000 one-character rows are read and reported, the 20,001st refuses the file", () => {
    const atLimit = parsePoolFile(carriers, "csv", `${header}\n${"x\n".repeat(POOL_IMPORT_LIMITS.maxRows)}`);
    expect(atLimit.report.rows).toBe(POOL_IMPORT_LIMITS.maxRows);
    expect(fileError(() => parsePoolFile(carriers, "csv", `${header}\n${"x\n".repeat(POOL_IMPORT_LIMITS.maxRows + 1)}`)).details[0].code).toBe("too_many_rows");
  });

  it("refuses a 10 MiB file of 5 million one-character lines as too many rows (figures: bench/import-bomb.ts)", () => {
    const bomb = `${header}\n${"x\n".repeat(5_000_000)}`;
    expect(fileError(() => parsePoolFile(carriers, "csv", bomb)).details[0].code).toBe("too_many_rows");
    expect(fileError(() => parsePoolFile(carriers, "json", `[${"1,".repeat(4_999_999)}1]`)).details[0].code).toBe("too_many_rows");
  });

  it("guesses a semicolon delimiter from the first rows", () => {
    const semi = parsePoolFile(carriers, "csv", `${header.replaceAll(",", ";")}\n${"x\n".repeat(3)}`);
    expect(semi.report.rows).toBe(3);
  });

  it.each([
    ["a top-level array", (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: `c${i}`, states: ["CA", "NY"], note: "a, [b], {c}" })))],
    [
      "the candidates of an object",
      (n: number) => JSON.stringify({ candidates: Array.from({ length: n }, () => ({ nested: { list: [1, 2, 3] } })), source: "x" }),
    ],
    ["numbers", (n: number) => `[${Array.from({ length: n }, () => "1").join(" , ")}]`],
    ["strings with escaped quotes and commas", (n: number) => JSON.stringify(Array.from({ length: n }, () => 'say \"a,b\" ],['))],
  ])("counts the items of %s without parsing: the limit passes, one more is refused", (_what, make) => {
    expect(() => assertJsonRowCount(make(50), 50)).not.toThrow();
    expect(() => assertJsonRowCount(make(51), 50)).toThrow(/more than 50 rows/);
  });

  it(`lists at most ${POOL_IMPORT_LIMITS.maxDetails} problems and counts the rest`, () => {
    const result = parsePoolFile(carriers, "json", JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ id: `c${i}` }))));
    expect(result.report.invalid).toBe(300);
    expect(result.report.details).toHaveLength(POOL_IMPORT_LIMITS.maxDetails);
    expect(result.report.omitted).toBeGreaterThan(0);
    expect(result.report.details.length + result.report.omitted).toBe(300 * 5); // name, market_type, two state lists, lines
  });
});

it("the import query's domains are the engine's", () => {
  expect([...POOL_DOMAINS].sort()).toEqual(Object.keys(DOMAINS).sort());
});
