/** Lines of business a commercial carrier writes, with their labels and coverage features. */

export const LINES = [
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
  "business_owners",
  "inland_marine",
  "crime",
] as const;
export type Line = (typeof LINES)[number];

export const LINE_LABELS: Record<Line, string> = {
  general_liability: "General liability",
  professional_liability: "Professional liability (E&O)",
  property: "Commercial property",
  workers_compensation: "Workers' compensation",
  commercial_auto: "Commercial auto",
  cyber: "Cyber liability",
  directors_officers: "Directors & officers (D&O)",
  employment_practices: "Employment practices (EPLI)",
  umbrella: "Umbrella / excess",
  product_liability: "Product liability",
  business_owners: "Business owner's policy (BOP)",
  inland_marine: "Inland marine",
  crime: "Crime / fidelity",
};

/** How underwriters abbreviate a line in one sentence ("CA prof. liability appetite"). */
export const LINE_SHORT: Record<Line, string> = {
  general_liability: "gen. liability",
  professional_liability: "prof. liability",
  property: "property",
  workers_compensation: "workers' comp",
  commercial_auto: "comm. auto",
  cyber: "cyber",
  directors_officers: "D&O",
  employment_practices: "EPL",
  umbrella: "umbrella",
  product_liability: "product liability",
  business_owners: "BOP",
  inland_marine: "inland marine",
  crime: "crime",
};

/**
 * Coverage features (policy forms and endorsements) a carrier may offer per line, most valued
 * first. The rules pick the "key" ones per line; the demo generator samples from the full list.
 */
export const LINE_FEATURES: Record<Line, readonly string[]> = {
  general_liability: [
    "blanket_additional_insured",
    "waiver_of_subrogation",
    "primary_noncontributory",
    "per_project_aggregate",
    "products_completed_ops",
    "damage_to_rented_premises",
    "medical_payments",
  ],
  professional_liability: [
    "prior_acts",
    "defense_outside_limits",
    "consent_to_settle",
    "first_dollar_defense",
    "disciplinary_proceedings",
    "worldwide_territory",
    "subpoena_assistance",
  ],
  property: ["replacement_cost", "business_income", "equipment_breakdown", "ordinance_or_law", "agreed_value", "flood_sublimit", "earthquake_sublimit"],
  workers_compensation: ["pay_as_you_go", "stop_gap_employers_liability", "blanket_waiver", "uslh_endorsement", "alternate_employer", "return_to_work_program"],
  commercial_auto: ["hired_non_owned", "blanket_additional_insured", "rental_reimbursement", "drive_other_car", "gap_coverage", "fleet_telematics_credit"],
  cyber: [
    "ransomware_extortion",
    "first_party_breach_response",
    "business_interruption",
    "social_engineering",
    "regulatory_fines",
    "dependent_business_interruption",
    "media_liability",
  ],
  directors_officers: ["side_a_dic", "entity_coverage", "non_rescindable", "severability", "regulatory_coverage", "outside_directorship"],
  employment_practices: ["third_party_coverage", "wage_hour_defense", "punitive_damages", "hr_hotline", "immigration_defense"],
  umbrella: ["follow_form", "drop_down", "defense_outside_limits", "broad_named_insured", "worldwide_territory"],
  product_liability: ["vendors_endorsement", "worldwide_territory", "batch_clause", "recall_expense", "completed_operations"],
  business_owners: ["business_income", "equipment_breakdown", "hired_non_owned", "data_breach_endorsement", "employee_dishonesty"],
  inland_marine: ["contractors_equipment", "installation_floater", "transit", "scheduled_equipment", "rental_reimbursement"],
  crime: ["employee_theft", "funds_transfer_fraud", "computer_fraud", "social_engineering", "forgery_alteration"],
};

export function featureLabel(f: string): string {
  return f.replace(/_/g, " ");
}
