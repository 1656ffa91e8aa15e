import { SURPLUS_LINES_BY_STATE, surplusLinesRequirement } from "@/lib/engine/domains/carriers/surplus-lines";
import type { State } from "@/lib/engine/geo";

/**
 * Admitted declinations the home state requires before a surplus-lines placement, from the
 * engine's state table (the default rules). The plan prefers the figure the result recorded on its
 * surplus-lines candidates (the organization's rules in force); this is the fallback. Null for an
 * unknown state.
 */
export function requiredDeclinations(state: string): number | null {
  return Object.hasOwn(SURPLUS_LINES_BY_STATE, state) ? surplusLinesRequirement(state as State).declinations_required : null;
}
