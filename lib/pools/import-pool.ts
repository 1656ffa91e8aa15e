import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, ForbiddenError, invalid, notFound } from "@/lib/errors";
import { getDomain } from "@/lib/engine";
import { stableStringify } from "@/lib/engine/rules";
import { parsePoolFile, type ImportReport, type PoolFileFormat } from "@/lib/pools/import";
import { upsertPoolVersion } from "@/lib/pools/pools";
import { scheduleRecheck } from "@/lib/recheck/schedule";
import { PoolName, type ImportPoolQuery, type ImportPoolResponse } from "@/lib/pools/schemas";

// An organization's import into one of its own pools: `<org slug>:<name>`. The slug prefix keeps
// organizations apart; the shared demo pools (no organization) are read-only to everyone.

export async function importOrganizationPool(
  db: PrismaClient,
  organizationId: string,
  target: ImportPoolQuery,
  file: { format: PoolFileFormat; text: string },
): Promise<ImportPoolResponse> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { slug: true } });
  const key = target.pool ?? `${org.slug}:${target.name}`;
  const name = key.startsWith(`${org.slug}:`) ? key.slice(org.slug.length + 1) : null;
  const existing = await db.pool.findUnique({ where: { key }, select: { organizationId: true, domain: true, name: true, description: true } });
  if (existing && existing.organizationId === null) throw new ForbiddenError(`${key} is a shared pool: it cannot be changed; import into a pool of your own`);
  if ((existing && existing.organizationId !== organizationId) || name === null || !PoolName.safeParse(name).success) throw notFound("Pool");

  const domainId = target.domain ?? existing?.domain;
  if (!domainId) throw invalid("domain is required for a new pool", [{ path: "domain", code: "invalid_type", message: "Missing required field: domain" }]);
  if (existing && existing.domain !== domainId) {
    throw invalid(`${key} holds ${existing.domain}, not ${domainId}`, [
      { path: "domain", code: "domain_mismatch", message: `The pool's domain is ${existing.domain}` },
    ]);
  }
  const domain = getDomain(domainId);
  if (!domain) throw invalid(`Unknown domain: ${domainId}`, [{ path: "domain", code: "invalid_value", message: `Unknown domain: ${domainId}` }]);

  const parsed = parsePoolFile(domain.candidateSchema, file.format, file.text);
  if (!parsed.ok) throw reportError(parsed.report);

  // Keys sorted at every level: the same data makes the same checksum (no new version) whatever
  // order a file's fields come in; PostgreSQL's jsonb does not keep the order anyway.
  const candidates = JSON.parse(stableStringify(parsed.candidates)) as unknown[];
  let v;
  try {
    v = await upsertPoolVersion(
      db,
      { key, domain: domainId, name: existing?.name ?? name, description: existing?.description ?? "", organizationId },
      candidates,
      `import:${file.format}`,
    );
  } catch (err) {
    // Two imports into one pool at once: the other one took this version number (or created the pool).
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new ConflictError(`Another import into ${key} finished first; retry`);
    }
    throw err;
  }
  // A new version of a pool that already had evaluations: re-check the recent ones (queued, throttled).
  if (v.created && existing) await scheduleRecheck(db, organizationId, { trigger: "pool_version", poolId: v.poolId, domain: domainId, poolVersion: v.version });
  const size = candidates.length;
  return {
    id: key,
    domain: domainId,
    version: v.version,
    size,
    created: !existing,
    new_version: v.created,
    message: v.created ? `Imported ${size} candidates as version ${v.version} of ${key}` : `Same data as version ${v.version} of ${key}: no new version`,
    rows: parsed.report.rows,
    report: { valid: parsed.report.valid, invalid: 0 },
  };
}

/** Every problem of an invalid file as one 400; the last detail counts those not listed. */
function reportError(report: ImportReport) {
  const details = [...report.details];
  if (report.omitted > 0) details.push({ path: "rows", code: "too_many_problems", message: `${report.omitted} more problems not listed` });
  const summary = `${report.invalid} of ${report.rows} rows are invalid; nothing was imported`;
  return invalid(details[0] ? `${summary}. ${details[0].message}` : summary, details);
}
