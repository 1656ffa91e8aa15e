import { dropLegacyRules } from "@/lib/engine/rules";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { getDomain, resolveRules, type RuleOverrides } from "@/lib/engine";
import { stableStringify } from "@/lib/engine/rules";
import { ConflictError, invalid, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { checkOverrides } from "@/lib/rules/validate";
import { scheduleRecheck } from "@/lib/recheck/schedule";
import type { ScoringRulesResponse } from "@/lib/rules/schemas";

// An organization's scoring rules per domain: immutable versions 1, 2, …; the latest is in force,
// none means the domain's defaults (version 0). Every query names the organization.

export interface RuleSetRef {
  id: string | null;
  version: number;
  overrides: Record<string, unknown>;
  createdAt: Date | null;
}

const DEFAULTS: RuleSetRef = { id: null, version: 0, overrides: {}, createdAt: null };

/** The rule set in force for the organization and domain now. */
export async function currentRuleSet(db: PrismaClient | Prisma.TransactionClient, organizationId: string, domain: string): Promise<RuleSetRef> {
  const row = await db.scoringRuleSet.findFirst({
    where: { organizationId, domain },
    orderBy: { version: "desc" },
    select: { id: true, version: true, overrides: true, createdAt: true },
  });
  return row ? { ...row, overrides: row.overrides as Record<string, unknown> } : DEFAULTS;
}

/** One version by id (what a job recorded), or the defaults for null; null when it is not the organization's. */
export async function ruleSetById(db: PrismaClient, organizationId: string, id: string | null): Promise<RuleSetRef | null> {
  if (id === null) return DEFAULTS;
  const row = await db.scoringRuleSet.findFirst({ where: { id, organizationId }, select: { id: true, version: true, overrides: true, createdAt: true } });
  return row ? { ...row, overrides: row.overrides as Record<string, unknown> } : null;
}

// Versions never change once saved, so the worker keeps the ones it used by id (bounded).
const versions = new Map<string, Promise<RuleSetRef | null>>();
const VERSIONS_MAX = 500;

/**
 * One version by id as the worker needs it on every job: the defaults for null, else from a
 * per-process memory of immutable versions (one read per version and process).
 */
export async function ruleSetVersion(db: PrismaClient, organizationId: string, id: string | null): Promise<RuleSetRef> {
  if (id === null) return DEFAULTS;
  const key = `${organizationId}\u0000${id}`;
  let hit = versions.get(key);
  if (!hit) {
    hit = ruleSetById(db, organizationId, id);
    versions.set(key, hit);
    if (versions.size > VERSIONS_MAX) versions.delete(versions.keys().next().value!);
    hit.catch(() => versions.delete(key));
  }
  const set = await hit;
  if (!set) throw new Error(`scoring rule set ${id} is not the organization's`);
  return set;
}

/** 404 for a domain this engine does not have. */
export function knownDomain(domain: string) {
  if (!getDomain(domain)) throw notFound("Domain");
  return domain;
}

function view(domain: string, set: RuleSetRef): ScoringRulesResponse {
  // Rules an earlier engine knew are shown apart, so that saving what is shown removes them.
  const current = dropLegacyRules(set.overrides, getDomain(domain)!.legacyRules);
  return {
    domain: domain as ScoringRulesResponse["domain"],
    version: set.version,
    overrides: current.overrides as Record<string, unknown>,
    effective: resolveRules(domain, set.overrides as RuleOverrides) as unknown as Record<string, unknown>,
    defaults: getDomain(domain)!.defaultRules as Record<string, unknown>,
    updated_at: set.createdAt?.toISOString() ?? null,
    ...(current.notes.length > 0 ? { legacy_notes: current.notes } : {}),
  };
}

export async function getScoringRules(db: PrismaClient, organizationId: string, domain: string): Promise<ScoringRulesResponse> {
  return view(knownDomain(domain), await currentRuleSet(db, organizationId, domain));
}

/**
 * Saves `overrides` as the next version, unless they change nothing against the current version
 * (`new_version: false`). Stored as the difference from the defaults, so `{}` is a reset.
 */
export async function saveScoringRules(
  db: PrismaClient,
  organizationId: string,
  domain: string,
  overrides: Record<string, unknown>,
  createdBy: string | null,
): Promise<{ rules: ScoringRulesResponse; created: boolean }> {
  knownDomain(domain);
  const check = checkOverrides(domain, overrides);
  if (!check.ok) throw invalid(check.details[0].message, check.details);
  let saved: { rules: ScoringRulesResponse; created: boolean };
  try {
    saved = await db.$transaction(async (tx) => {
      const current = await currentRuleSet(tx, organizationId, domain);
      // Also a reset while nothing was ever changed: version 0 already is the defaults.
      if (stableStringify(current.overrides) === stableStringify(check.overrides))
        return { rules: { ...view(domain, current), new_version: false }, created: false };
      const row = await tx.scoringRuleSet.create({
        data: { id: newId("rules"), organizationId, domain, version: current.version + 1, overrides: check.overrides as Prisma.InputJsonObject, createdBy },
        select: { id: true, version: true, overrides: true, createdAt: true },
      });
      return { rules: { ...view(domain, { ...row, overrides: check.overrides }), new_version: true }, created: true };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new ConflictError("Someone else saved these rules at the same moment; reload and retry");
    }
    throw err;
  }
  // New rules in force: re-check the organization's recent evaluations of this domain (queued, throttled).
  if (saved.created) await scheduleRecheck(db, organizationId, { trigger: "scoring_rules", domain, rulesVersion: saved.rules.version });
  return saved;
}
