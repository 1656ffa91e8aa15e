import type { PrismaClient } from "@/lib/generated/prisma/client";
import { engineForTrace, filterRuleText, type PoolCandidate, type CandidateExplanation, type EvaluationResult, type RuleOverrides } from "@/lib/engine";
import { ConflictError, invalid, notFound } from "@/lib/errors";
import { gunzipJson } from "@/lib/jobs/result-codec";
import { loadPoolVersion } from "@/lib/pools/pools";
import { ruleSetById } from "@/lib/rules/rule-sets";
import { settings } from "@/lib/settings";
import { compareEvaluations, DomainMismatchError, type CandidateChange, type EvaluationSnapshot } from "./evaluations";

// Loading two of an organization's evaluations and comparing them (GET /api/v1/jobs/{a}/compare/{b}
// and the dashboard's "What changed"). Both must be completed; another organization's job is not
// found. Level changes carry both sides' evidence, recomputed with the engine's explain() exactly
// as the trace page does (same profile, pool version, rules version and as-of).

/** Entries that get evidence; the rest keep their levels (the trace pages have everything). */
export const EVIDENCE_LIMIT = 200;

interface Loaded {
  snapshot: EvaluationSnapshot;
  entity: string;
  createdAt: Date;
  candidates: Map<string, PoolCandidate>;
  asOf: string;
  overrides: RuleOverrides | undefined;
}

async function load(db: PrismaClient, organizationId: string, evalId: string, which: "a" | "b"): Promise<Loaded> {
  const job = await db.job.findFirst({
    where: { id: evalId, organizationId },
    select: {
      id: true,
      status: true,
      poolKey: true,
      poolVersionId: true,
      profile: true,
      entity: true,
      createdAt: true,
      pool: { select: { domain: true } },
      poolVersion: { select: { version: true } },
      result: { select: { engineVersion: true, rulesVersion: true, rulesSetId: true, result: true, trace: true } },
    },
  });
  if (!job) throw notFound("Job");
  if (job.status !== "completed" || !job.result) {
    throw new ConflictError(`${evalId} is ${job.status}; only completed evaluations can be compared`, [
      { path: which, code: "not_completed", message: `status is ${job.status}` },
    ]);
  }
  const result = gunzipJson<EvaluationResult>(job.result.result);
  const trace = gunzipJson<{ eliminated?: Record<string, string[]>; as_of?: string }>(job.result.trace);
  const pool = await loadPoolVersion(db, job.poolVersionId);
  const candidates = new Map(((pool?.candidates ?? []) as PoolCandidate[]).map((c) => [c.id, c]));
  const names = new Map<string, string>();
  for (const [id, c] of candidates) names.set(id, c.name);
  const ruleSet = await ruleSetById(db, organizationId, job.result.rulesSetId);
  return {
    snapshot: {
      eval_id: job.id,
      domain: job.pool.domain,
      pool: job.poolKey,
      pool_version: job.poolVersion.version,
      rules_version: job.result.rulesVersion,
      engine_version: job.result.engineVersion,
      profile: job.profile as Record<string, unknown>,
      candidates: result.candidates,
      eliminated: trace.eliminated ?? {},
      names,
    },
    entity: job.entity,
    createdAt: job.createdAt,
    candidates,
    asOf: trace.as_of ?? job.createdAt.toISOString(),
    overrides: ruleSet?.overrides as RuleOverrides | undefined,
  };
}

const side = (l: Loaded) => ({
  eval_id: l.snapshot.eval_id,
  entity: l.entity,
  created_at: l.createdAt.toISOString(),
  pool: l.snapshot.pool,
  pool_version: l.snapshot.pool_version,
  rules_version: l.snapshot.rules_version,
  engine_version: l.snapshot.engine_version,
});

export const compareUrl = (a: string, b: string) => `${settings().baseUrl}/jobs/${a}/compare/${b}`;

/** `a` is the earlier evaluation ("before"), `b` the later one ("after"). */
export async function compareJobs(db: PrismaClient, organizationId: string, a: string, b: string, opts: { evidence?: boolean } = {}) {
  const [la, lb] = await Promise.all([load(db, organizationId, a, "a"), load(db, organizationId, b, "b")]);
  let cmp;
  try {
    cmp = compareEvaluations(la.snapshot, lb.snapshot);
  } catch (err) {
    if (err instanceof DomainMismatchError) throw invalid(err.message, [{ path: "b", code: "domain_mismatch", message: err.message }]);
    throw err;
  }
  const candidates = opts.evidence === false ? cmp.candidates : withEvidence(cmp.candidates, la, lb);
  return {
    a: side(la),
    b: side(lb),
    domain: cmp.domain,
    inputs: cmp.inputs,
    summary: cmp.summary,
    candidates,
    url: compareUrl(a, b),
  };
}

function explainer(l: Loaded) {
  return (id: string): CandidateExplanation | null => {
    const c = l.candidates.get(id);
    // The engine that produced the result explains it (an engine-1 result keeps engine 1's evidence).
    return c ? engineForTrace(l.snapshot.engine_version).explain(l.snapshot.domain, l.snapshot.profile, c, { asOf: l.asOf, rules: l.overrides }) : null;
  };
}

/** Evidence for level changes and the filter behind eligibility changes, on both sides. */
function withEvidence(changes: CandidateChange[], la: Loaded, lb: Loaded) {
  const ea = explainer(la);
  const eb = explainer(lb);
  let budget = EVIDENCE_LIMIT;
  return changes.map((c) => {
    const needs = c.levels?.length || c.a.status === "filtered" || c.b.status === "filtered";
    if (!needs || budget <= 0) return c;
    budget--;
    const xa = ea(c.id);
    const xb = eb(c.id);
    const filter = (x: CandidateExplanation | null, s: CandidateChange["a"]) =>
      s.status === "filtered"
        ? { code: s.filter, rule: filterRuleText[s.filter] ?? s.filter, ...(x && !x.eligible ? { applied: x.filter.rule, values: x.filter.values } : {}) }
        : undefined;
    return {
      ...c,
      ...(c.levels
        ? {
            levels: c.levels.map((l) => ({
              ...l,
              evidence: {
                a: xa?.eligible ? pick(xa.dimensions[l.dimension as keyof typeof xa.dimensions]) : null,
                b: xb?.eligible ? pick(xb.dimensions[l.dimension as keyof typeof xb.dimensions]) : null,
              },
            })),
          }
        : {}),
      filter: { a: filter(xa, c.a) ?? null, b: filter(xb, c.b) ?? null },
    };
  });
}

const pick = (d: { rule: string; evidence: string } | undefined) => (d ? { rule: d.rule, evidence: d.evidence } : null);

/** True when both evaluations are the organization's (the compare page's 404 check; cheap). */
export async function bothJobsExist(db: PrismaClient, organizationId: string, a: string, b: string): Promise<boolean> {
  return (await db.job.count({ where: { organizationId, id: { in: [a, b] } } })) === (a === b ? 1 : 2);
}
