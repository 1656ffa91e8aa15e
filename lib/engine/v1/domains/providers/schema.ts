import { z } from "zod";
import { StateSchema } from "../../geo";

export const SPECIALTIES = [
  "primary_care",
  "cardiology",
  "orthopedics",
  "behavioral_health",
  "pediatrics",
  "dermatology",
  "neurology",
  "oncology",
  "obstetrics_gynecology",
  "endocrinology",
  "gastroenterology",
  "pulmonology",
  "ophthalmology",
  "physical_therapy",
] as const;
export type Specialty = (typeof SPECIALTIES)[number];
export const SPECIALTY_LABELS: Record<Specialty, string> = {
  primary_care: "Primary care",
  cardiology: "Cardiology",
  orthopedics: "Orthopedics",
  behavioral_health: "Behavioral health",
  pediatrics: "Pediatrics",
  dermatology: "Dermatology",
  neurology: "Neurology",
  oncology: "Oncology",
  obstetrics_gynecology: "Obstetrics & gynecology",
  endocrinology: "Endocrinology",
  gastroenterology: "Gastroenterology",
  pulmonology: "Pulmonology",
  ophthalmology: "Ophthalmology",
  physical_therapy: "Physical therapy",
};

/** Fictional health plans / networks of the demo. */
export const PLANS = ["cascade_hmo", "cascade_ppo", "sierra_epo", "sierra_hmo", "pacific_ppo", "bridge_medicaid", "harbor_medicare_advantage"] as const;
export type Plan = (typeof PLANS)[number];
export const PLAN_LABELS: Record<Plan, string> = {
  cascade_hmo: "Cascade Health HMO",
  cascade_ppo: "Cascade Health PPO",
  sierra_epo: "Sierra Care EPO",
  sierra_hmo: "Sierra Care HMO",
  pacific_ppo: "Pacific Shore PPO",
  bridge_medicaid: "Bridge Medicaid Managed Care",
  harbor_medicare_advantage: "Harbor Medicare Advantage",
};

export const URGENCIES = ["routine", "soon", "urgent"] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { routine: "Routine", soon: "Soon (within weeks)", urgent: "Urgent (within days)" };
export const AGE_GROUPS = ["pediatric", "adult", "geriatric"] as const;
export const AGE_GROUP_LABELS: Record<(typeof AGE_GROUPS)[number], string> = { pediatric: "Pediatric", adult: "Adult", geriatric: "Geriatric" };
/** ISO 639-1 codes of the languages most requested in US care coordination. */
export const LANGUAGES = ["en", "es", "zh", "vi", "tl", "ko", "ru", "ar", "fa", "hy", "hi", "pt", "fr"] as const;
export const LANGUAGE_NAMES: Record<(typeof LANGUAGES)[number], string> = {
  en: "English",
  es: "Spanish",
  zh: "Chinese",
  vi: "Vietnamese",
  tl: "Tagalog",
  ko: "Korean",
  ru: "Russian",
  ar: "Arabic",
  fa: "Persian",
  hy: "Armenian",
  hi: "Hindi",
  pt: "Portuguese",
  fr: "French",
};

export const ProviderProfileSchema = z
  .object({
    entity: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .meta({ title: "Member reference", description: "Your reference for the patient or member; never a name or date of birth.", examples: ["member-4821"] }),
    specialty: z.enum(SPECIALTIES).meta({ title: "Specialty needed", description: "The specialty of the referral." }),
    state: StateSchema.meta({ title: "Member state", description: "State where the member will be seen." }),
    zip: z
      .string()
      .regex(/^\d{5}$/, "ZIP codes have 5 digits")
      .meta({ title: "Member ZIP", description: "5-digit ZIP used to estimate distance.", examples: ["94110"] }),
    plan: z.enum(PLANS).meta({ title: "Plan / network", description: "The member's health plan network." }),
    urgency: z.enum(URGENCIES).meta({ title: "Urgency", description: "How soon the member must be seen." }),
    language: z.enum(LANGUAGES).optional().meta({ title: "Preferred language", description: "Language the member prefers for care." }),
    age_group: z.enum(AGE_GROUPS).optional().meta({ title: "Age group", description: "Pediatric (under 18), adult, or geriatric (65+)." }),
  })
  .strict();
export type ProviderProfile = z.infer<typeof ProviderProfileSchema>;

export const ProviderNetworkSchema = z.object({
  plan: z.enum(PLANS),
  /** 1 = preferred tier with the lowest member cost share. */
  tier: z.number().int().min(1).max(3),
  prior_auth: z.boolean().optional(),
});

export const ProviderSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  npi: z.string().regex(/^\d{10}$/, "NPI numbers have 10 digits"),
  specialty: z.enum(SPECIALTIES),
  subspecialties: z.array(z.string().min(1).max(80)).max(20).optional(),
  state: StateSchema,
  zip: z.string().regex(/^\d{5}$/),
  networks: z.array(ProviderNetworkSchema).max(50),
  accepting_new_patients: z.boolean().nullable().optional(),
  next_available_days: z.number().int().min(0).max(730).nullable().optional(),
  languages: z.array(z.enum(LANGUAGES)).max(20).optional(),
  /** Age groups seen; absent means all. */
  age_groups: z.array(z.enum(AGE_GROUPS)).max(3).optional(),
  referral_required: z.boolean().optional(),
  quality_stars: z.number().min(1).max(5).nullable().optional(),
  cost_tier: z.number().int().min(1).max(3).nullable().optional(),
  facility_fee: z.boolean().optional(),
  /** Negotiated rate as a % of the regional median for the specialty (100 = median). */
  rate_index: z.number().min(10).max(500).nullable().optional(),
  patient_experience: z.number().min(0).max(100).nullable().optional(),
  board_certified: z.boolean().nullable().optional(),
  last_verified: z.iso.date().nullable().optional(),
});
export type Provider = z.infer<typeof ProviderSchema>;
