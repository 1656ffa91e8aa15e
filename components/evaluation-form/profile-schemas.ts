import type { z } from "zod";
import { CarrierProfileSchema } from "@/lib/engine/domains/carriers/schema";
import { ProviderProfileSchema } from "@/lib/engine/domains/providers/schema";

// The very zod schemas POST /api/v1/jobs validates profiles with, imported from the domain
// schema modules alone so the browser bundle gets the schemas, not the scoring engine. Labels,
// help and examples come from the server (lib/engine's fieldMeta and exampleProfile) as props.
export const PROFILE_SCHEMAS: Record<string, z.ZodObject> = {
  carriers: CarrierProfileSchema,
  providers: ProviderProfileSchema,
};
