import { z } from "zod";
import { StateSchema } from "../../geo";
import { EXPOSURE_BASIS, EXPOSURE_UNITS, LINE_LABELS, LINES, type ExposureField } from "./lines";

/** AM Best financial strength ratings, best first; NR (not rated) ranks last. */
export const AM_BEST_RATINGS = ["A++", "A+", "A", "A-", "B++", "B+", "B", "B-", "C++", "C+", "C", "C-", "D", "NR"] as const;
export type AmBestRating = (typeof AM_BEST_RATINGS)[number];
export const AM_BEST_OUTLOOKS = ["positive", "stable", "negative", "developing"] as const;
/** AM Best financial size categories: I (< $1M policyholders' surplus) … XV (≥ $2B). */
export const FINANCIAL_SIZES = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"] as const;
export type FinancialSize = (typeof FINANCIAL_SIZES)[number];
export const APPETITE_STRENGTHS = ["target", "consider", "limited"] as const;
export type AppetiteStrength = (typeof APPETITE_STRENGTHS)[number];
/** A class in an appetite guide: `++` target, `+` will consider, `X` prohibited; a class not listed is unknown (`?`). */
export const CLASS_APPETITES = ["target", "consider", "prohibited"] as const;
export type ClassAppetite = (typeof CLASS_APPETITES)[number];
export const MARKET_TYPES = ["admitted", "es", "both"] as const;
export const SUBMISSION_CHANNELS = ["api", "portal", "email"] as const;

export const LineSchema = z.enum(LINES);

/**
 * `x-required-when` in the JSON schema (and OpenAPI): the lines for which an exposure field is
 * required; `x-shown-when`: the lines the form shows it for. Revenue stays visible for every line
 * (it describes the business whatever the line); the other bases appear only for their lines.
 */
function basisMeta(field: ExposureField) {
  const lines = LINES.filter((l) => EXPOSURE_BASIS[l] === field);
  return field === "revenue" ? { "x-required-when": { line: lines } } : { "x-required-when": { line: lines }, "x-shown-when": { line: lines } };
}

// NAICS 2022 (DOMAIN: "use the 2022 edition"). Sectors are the 2-digit codes 11–92; 2022 rebuilt
// retail trade (44–45) into subsectors 441, 444, 445, 449 and 455–459, so a 2017 retail code
// (subsectors 442, 443, 446–448, 451–454) matches no class in a 2022 guide and would slip past its
// prohibitions (2017's 453991 tobacco stores is 2022's 459991): refused with the reason.
// Source: U.S. Census Bureau, North American Industry Classification System, 2022 and its 2017–2022 concordance.
const NAICS_2022_SECTORS = new Set("11 21 22 23 31 32 33 42 44 45 48 49 51 52 53 54 55 56 61 62 71 72 81 92".split(" "));
const NAICS_2022_RETAIL = new Set(["441", "444", "445", "449", "455", "456", "457", "458", "459"]);
const NAICS_2017_RETAIL = new Set(["442", "443", "446", "447", "448", "451", "452", "453", "454"]);
/** The 2017 → 2022 successors this product names in its message (DOMAIN's example). */
const NAICS_2017_SUCCESSORS: Record<string, string> = { "453991": "459991" };

/** Why a 6-digit code is not a NAICS 2022 code, or null when it can be one. */
export function naics2022Problem(code: string): string | null {
  if (!NAICS_2022_SECTORS.has(code.slice(0, 2)))
    return `${code} is not a NAICS code: ${code.slice(0, 2)} is not a sector (11, 21, 22, 23, 31–33, 42, 44–45, 48–49, 51–56, 61, 62, 71, 72, 81, 92)`;
  const sub = code.slice(0, 3);
  if (code[0] !== "4" || (code[1] !== "4" && code[1] !== "5") || NAICS_2022_RETAIL.has(sub)) return null;
  const successor = NAICS_2017_SUCCESSORS[code];
  if (NAICS_2017_RETAIL.has(sub))
    return `${code} is a NAICS 2017 code: retail subsector ${sub} was renumbered in NAICS 2022${successor ? `; use ${successor}` : " (retail is now 441, 444, 445, 449 and 455–459)"}`;
  return `${code} is not a NAICS 2022 code: retail subsectors are 441, 444, 445, 449 and 455–459`;
}

export const CarrierProfileSchema = z
  .object({
    entity: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .meta({ title: "Entity", description: "Legal name or your reference for the business seeking cover.", examples: ["acme-manufacturing"] }),
    state: StateSchema.meta({ title: "Home state", description: "The insured's home state; it decides admitted versus surplus-lines placement." }),
    line: LineSchema.meta({ title: "Line of business", description: "The coverage requested. It decides which exposure the risk is rated on." }),
    revenue: z
      .number()
      .min(0)
      .max(1e12)
      .optional()
      .meta({
        title: "Annual revenue (USD)",
        description:
          "Projected annual revenue if the business is new. Required for lines rated on revenue (general and professional liability, cyber, D&O, EPL, product liability, BOP, inland marine, crime).",
        examples: [12000000],
        ...basisMeta("revenue"),
      }),
    payroll: z
      .number()
      .min(0)
      .max(1e12)
      .optional()
      .meta({
        title: "Annual payroll (USD)",
        description: "Workers' compensation is rated per $100 of payroll. Required for workers' compensation.",
        examples: [2500000],
        ...basisMeta("payroll"),
      }),
    experience_mod: z
      .number()
      .min(0.3)
      .max(3)
      .optional()
      .meta({
        title: "Experience mod",
        description: "Workers' compensation experience modification factor (1.00 = average for the class).",
        examples: [0.95],
        "x-shown-when": { line: ["workers_compensation"] },
      }),
    tiv: z
      .number()
      .min(0)
      .max(1e12)
      .optional()
      .meta({
        title: "Total insured value (USD)",
        description: "Buildings, contents and business income at replacement cost. Required for commercial property.",
        examples: [8000000],
        ...basisMeta("tiv"),
      }),
    power_units: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .optional()
      .meta({
        title: "Power units",
        description: "Trucks, tractors and other self-propelled vehicles. Required for commercial auto.",
        examples: [12],
        ...basisMeta("power_units"),
      }),
    underlying_limit: z
      .number()
      .positive()
      .max(1e10)
      .optional()
      .meta({
        title: "Underlying limit (USD)",
        description: "Limit of the primary policies the umbrella sits over. Required for umbrella / excess.",
        examples: [1000000],
        ...basisMeta("underlying_limit"),
      }),
    naics: z
      .string()
      .regex(/^\d{6}$/, "NAICS codes have 6 digits")
      .superRefine((code, ctx) => {
        const problem = naics2022Problem(code);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .optional()
      .meta({
        title: "NAICS code",
        description:
          "6-digit NAICS 2022 industry code; matched against carriers' target, consider and prohibited classes. Without it, class exclusions cannot be checked.",
        examples: ["541511"],
      }),
    employees: z.number().int().min(0).max(10_000_000).optional().meta({ title: "Employees", description: "Full-time equivalent headcount." }),
    years_in_business: z
      .number()
      .int()
      .min(0)
      .max(500)
      .optional()
      .meta({ title: "Years in business", description: "Many small-commercial programs require 3–5 years." }),
    prior_claims: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .optional()
      .meta({ title: "Prior claims (5 years)", description: "Number of claims in the last five years for this line." }),
    requested_limit: z
      .number()
      .positive()
      .max(1e10)
      .optional()
      .meta({ title: "Requested limit (USD)", description: "Per-claim / per-occurrence limit, e.g. 1000000 or 2000000.", examples: [2000000] }),
    deductible: z.number().min(0).max(1e9).optional().meta({
      title: "Deductible / retention (USD)",
      description: "Compared with each carrier's minimum retention for the line. Typical professional liability retentions run $1,000–$25,000.",
    }),
    effective_date: z.iso.date().optional().meta({
      title: "Effective date",
      description:
        "Requested policy start date (YYYY-MM-DD); not more than 30 days in the past. Data age is measured at this date when it is later than today.",
    }),
  })
  .strict()
  .superRefine((p, ctx) => {
    // The exposure the requested line is rated on is required (the seed's revenue for professional liability, payroll for WC …).
    const field = EXPOSURE_BASIS[p.line];
    if (p[field] === undefined) {
      ctx.addIssue({
        code: "invalid_type",
        expected: "number",
        input: undefined,
        path: [field],
        message: `${LINE_LABELS[p.line]} is rated on ${EXPOSURE_UNITS[field].label}: ${field} is required`,
      });
    }
  });
export type CarrierProfile = z.infer<typeof CarrierProfileSchema>;

const money = z.number().min(0);
const naicsPrefix = z.string().regex(/^\d{2,6}$/, "NAICS class prefixes have 2–6 digits");

/** One line of business in a carrier's appetite guide. Unknown figures are null or absent. */
export const CarrierLineSchema = z
  .object({
    appetite: z.enum(APPETITE_STRENGTHS),
    revenue_min: money.nullable().optional(),
    /** null: no revenue ceiling. */
    revenue_max: money.nullable().optional(),
    /** Band in the line's exposure basis when it is not revenue (payroll, TIV, power units, underlying limit). */
    exposure_min: money.nullable().optional(),
    exposure_max: money.nullable().optional(),
    /** States where the carrier writes this line; absent: every state it is admitted or surplus-lines in. */
    states: z.array(StateSchema).max(51).optional(),
    /** Appetite for the line in particular states, overriding `appetite` there. */
    state_appetite: z.partialRecord(StateSchema, z.enum(APPETITE_STRENGTHS)).optional(),
    /** Class appetite by NAICS 2022 prefix (the longest matching prefix wins); a class not listed is unknown. */
    naics_appetite: z.record(naicsPrefix, z.enum(CLASS_APPETITES)).optional(),
    /** Pool files before engine 2: read as `target` and `prohibited` entries of naics_appetite. */
    target_naics: z.array(naicsPrefix).max(200).optional(),
    excluded_naics: z.array(naicsPrefix).max(200).optional(),
    max_limit: z.number().positive().nullable().optional(),
    min_premium: money.nullable().optional(),
    /** Smallest deductible / retention the carrier accepts for the line. */
    min_retention: money.nullable().optional(),
    /** The carrier's own base rate per exposure unit (see EXPOSURE_UNITS); absent: the market reference rate. */
    base_rate: z.number().positive().nullable().optional(),
    /** Rate level against the market average, in percent: -12 = 12 % cheaper. */
    rate_position: z.number().min(-100).max(300).nullable().optional(),
    features: z.array(z.string().min(1).max(64)).max(50).optional(),
    min_years_in_business: z.number().int().min(0).nullable().optional(),
    max_prior_claims: z.number().int().min(0).nullable().optional(),
    /** Workers' compensation: the highest experience mod the carrier accepts (carriers cap at roughly 1.15–1.79). */
    max_experience_mod: z.number().min(0.3).max(3).nullable().optional(),
  })
  .refine((l) => l.revenue_min == null || l.revenue_max == null || l.revenue_min <= l.revenue_max, {
    message: "revenue_min must not exceed revenue_max",
    path: ["revenue_max"],
  })
  .refine((l) => l.exposure_min == null || l.exposure_max == null || l.exposure_min <= l.exposure_max, {
    message: "exposure_min must not exceed exposure_max",
    path: ["exposure_max"],
  });
export type CarrierLine = z.infer<typeof CarrierLineSchema>;

export const CarrierSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  naic_code: z
    .string()
    .regex(/^\d{5}$/)
    .nullable()
    .optional(),
  naic_group_code: z
    .string()
    .regex(/^\d{4}$/)
    .nullable()
    .optional(),
  /** Name of the carrier's group (an admitted company and its E&S affiliate share one). */
  group_name: z.string().min(1).max(200).nullable().optional(),
  am_best_rating: z.enum(AM_BEST_RATINGS).nullable().optional(),
  am_best_outlook: z.enum(AM_BEST_OUTLOOKS).nullable().optional(),
  financial_size: z.enum(FINANCIAL_SIZES).nullable().optional(),
  market_type: z.enum(MARKET_TYPES),
  admitted_states: z.array(StateSchema).max(51),
  surplus_lines_states: z.array(StateSchema).max(51),
  lines: z.partialRecord(LineSchema, CarrierLineSchema),
  placement: z
    .object({
      quote_turnaround_days: z.number().min(0).max(365).nullable().optional(),
      hit_ratio: z.number().min(0).max(1).nullable().optional(),
      binding_authority: z.boolean().nullable().optional(),
      submission_channel: z.enum(SUBMISSION_CHANNELS).nullable().optional(),
    })
    .optional(),
  service: z
    .object({
      claims_satisfaction: z.number().min(1).max(5).nullable().optional(),
      naic_complaint_index: z.number().min(0).max(100).nullable().optional(),
    })
    .optional(),
  /** Date the appetite data was last confirmed with the carrier. */
  last_verified: z.iso.date().nullable().optional(),
});
export type Carrier = z.infer<typeof CarrierSchema>;

const RATING_RANK = new Map<string, number>(AM_BEST_RATINGS.map((r, i) => [r, i]));
/** 0 = A++ … 13 = NR; a missing rating counts as NR. */
export function ratingRank(r: string | null | undefined): number {
  return RATING_RANK.get(r ?? "NR") ?? AM_BEST_RATINGS.length - 1;
}
const SIZE_RANK = new Map<string, number>(FINANCIAL_SIZES.map((s, i) => [s, i + 1]));
/** 1 = I … 15 = XV; a missing size counts as 0. */
export function sizeRank(s: string | null | undefined): number {
  return (s && SIZE_RANK.get(s)) || 0;
}
