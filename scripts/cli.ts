// npm run --silent nexio -- <command>: the operator CLI (SPEC §7). Output is machine-readable
// (JSON, or the bare value for `keys create` and `webhooks secret`). Wrong arguments print the
// usage and exit 2 before anything is opened or written.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { settingsOrExit } from "@/lib/settings";
import { connectDatabase } from "@/lib/db/bootstrap";
import { createPrisma } from "@/lib/db/client";
import { createOrganization, createUser, organizationBySlug, OrgSlug, ROLES } from "@/lib/orgs/organizations";
import { createApiKey } from "@/lib/keys/api-keys";
import { ScopeList, SCOPES } from "@/lib/keys/scopes";
import { removeMember, updateMember } from "@/lib/orgs/members";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { findUsablePool, listPools, loadPoolVersion } from "@/lib/pools/pools";
import { errorBody } from "@/lib/api/errors";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { getDomain } from "@/lib/engine";
import { POOL_IMPORT_LIMITS, POOL_FILE_FORMATS } from "@/lib/pools/import";
import { importOrganizationPool } from "@/lib/pools/import-pool";
import { candidatesToCsv, candidatesToJson } from "@/lib/pools/export";
import { POOL_DOMAINS, PoolName } from "@/lib/pools/schemas";
import { seedForStart, demoWanted } from "@/lib/pools/seed";
import { rotateWebhookSecret } from "@/lib/webhooks/org-secret";

const USAGE = `Usage: npm run --silent nexio -- <command>

  orgs create --slug S --name N
  users create --org S --email E --password P [--role admin|underwriter]
  users remove --org S --email E                 out of the organization; their sessions end now
  users role --org S --email E --role admin|underwriter     (sessions end; the last admin stays)
  keys create --org S [--name N] [--test] [--scopes a,b] [--expires-days D]
                                                 prints only the new key (no --scopes: every scope)
  pools list --org S
  pools import --org S --name N [--domain carriers|providers] --file F.csv|F.json
                                                 new version of pool S:N; invalid rows → report, exit 1
  pools export --org S --pool ID [--format csv|json]   the current version, as import reads it
  webhooks secret --org S                        prints the current signing secret
  webhooks rotate --org S                        new secret; the old one keeps signing for 24 h
`;

/** The operator at the CLI, as the audit log names them. */
const OPERATOR: AuditActor = { type: "system", id: null, label: "operator (CLI)", clientAddress: null };

const commands = {
  "orgs create": z.object({ slug: OrgSlug, name: z.string().trim().min(1).max(200) }),
  "users create": z.object({
    org: OrgSlug,
    email: z.email(),
    password: z.string().min(8, "at least 8 characters").max(200),
    role: z.enum(ROLES).default("underwriter"),
  }),
  "users remove": z.object({ org: OrgSlug, email: z.email() }),
  "users role": z.object({ org: OrgSlug, email: z.email(), role: z.enum(ROLES) }),
  "keys create": z.object({
    org: OrgSlug,
    name: z.string().trim().min(1).max(100).optional(),
    test: z.boolean().default(false),
    scopes: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return undefined;
        const parsed = ScopeList.safeParse(
          v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        );
        if (!parsed.success) {
          ctx.addIssue({ code: "custom", message: `comma-separated scopes from: ${SCOPES.join(", ")}` });
          return z.NEVER;
        }
        return parsed.data;
      }),
    "expires-days": z.coerce.number().int().min(1).max(3650).optional(),
  }),
  "pools list": z.object({ org: OrgSlug }),
  "pools import": z.object({
    org: OrgSlug,
    name: PoolName,
    domain: z.enum(POOL_DOMAINS).optional(),
    file: z.string().regex(/\.(csv|json)$/i, "a .csv or .json file"),
  }),
  "pools export": z.object({ org: OrgSlug, pool: z.string().min(1).max(100), format: z.enum(POOL_FILE_FORMATS).default("csv") }),
  "webhooks secret": z.object({ org: OrgSlug }),
  "webhooks rotate": z.object({ org: OrgSlug }),
} as const;
type Command = keyof typeof commands;

function usage(problem: string): never {
  process.stderr.write(`nexio: ${problem}\n\n${USAGE}`);
  process.exit(2);
}

const argv = process.argv.slice(2);
const name = argv.slice(0, 2).join(" ") as Command;
if (!(name in commands)) usage(argv.length ? `unknown command "${argv.slice(0, 2).join(" ")}"` : "no command given");

let values: Record<string, unknown>;
try {
  values = parseArgs({
    args: argv.slice(2),
    options: {
      slug: { type: "string" },
      name: { type: "string" },
      org: { type: "string" },
      email: { type: "string" },
      scopes: { type: "string" },
      "expires-days": { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      test: { type: "boolean" },
      domain: { type: "string" },
      file: { type: "string" },
      pool: { type: "string" },
      format: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (err) {
  usage((err as Error).message);
}
const parsed = commands[name].strict().safeParse(values);
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  usage(`--${issue.path.join(".") || "?"}: ${issue.message}`);
}
const args = parsed.data as unknown as Record<string, never>;
const importFile = name === "pools import" ? readImportFile(args.file) : null;

const settings = settingsOrExit();

const database = await connectDatabase(settings);
const db = createPrisma(database.url, 2);
let exitCode = 0;
try {
  // When the CLI opened a brand-new embedded database itself, give it the demo data `npm start` would
  // (once: the seed mark says it was done, so a deleted demo user stays deleted).
  if (database.owner && !(await db.seedMark.findUnique({ where: { name: "demo" } }))) {
    await seedForStart(db, { demo: demoWanted({ embedded: true, NEXIO_DEMO: settings.NEXIO_DEMO }) });
  }
  const out = await run(name, args);
  // Waited for: a pipe takes large output (pools export) asynchronously, and process.exit would cut it off.
  await new Promise((done) => process.stdout.write(typeof out === "string" ? `${out}\n` : `${JSON.stringify(out, null, 2)}\n`, done));
} catch (err) {
  if ((err instanceof ConflictError || err instanceof NotFoundError) && err.details.length === 0) {
    process.stderr.write(`nexio: ${err.message}\n`);
    exitCode = 1;
  } else if (err instanceof DomainError) {
    // An import's per-row report, in the API's error shape.
    process.stdout.write(`${JSON.stringify(errorBody(err.code, err.message, err.details), null, 2)}\n`);
    process.stderr.write(`nexio: ${err.message}\n`);
    exitCode = 1;
  } else throw err;
} finally {
  await db.$disconnect();
  await database.stop();
}
process.exit(exitCode);

async function run(command: Command, a: Record<string, never>): Promise<unknown> {
  switch (command) {
    case "orgs create": {
      const org = await createOrganization(db, a.slug, a.name);
      return { id: org.id, slug: org.slug, name: org.name };
    }
    case "users create": {
      const org = await organizationBySlug(db, a.org);
      const user = await createUser(db, { organizationId: org.id, email: a.email, password: a.password, role: a.role });
      return { id: user.id, email: user.email, organization: org.slug, role: a.role };
    }
    case "keys create": {
      const org = await organizationBySlug(db, a.org);
      const days = (a as Record<string, number | undefined>)["expires-days"];
      const created = await createApiKey(db, org.id, {
        name: a.name,
        test: a.test,
        scopes: a.scopes,
        expiresAt: days ? new Date(Date.now() + days * 86_400_000) : null,
      });
      await recordAudit(db, org.id, OPERATOR, {
        action: "api_key.created",
        target: { type: "api_key", id: created.id },
        after: { name: created.name, prefix: created.prefix, mode: created.mode },
      });
      return created.key;
    }
    case "users remove": {
      const org = await organizationBySlug(db, a.org);
      const { before } = await removeMember(db, org.id, await memberIdOf(org.id, a.email));
      await recordAudit(db, org.id, OPERATOR, {
        action: "member.removed",
        target: { type: "member", id: before.id },
        before: { email: before.email, role: before.role },
      });
      return { email: before.email, organization: org.slug, removed: true };
    }
    case "users role": {
      const org = await organizationBySlug(db, a.org);
      const { before, after } = await updateMember(db, org.id, await memberIdOf(org.id, a.email), { role: a.role });
      if (before.role !== after!.role)
        await recordAudit(db, org.id, OPERATOR, {
          action: "member.role_changed",
          target: { type: "member", id: before.id },
          before: { role: before.role },
          after: { role: after!.role },
        });
      return { email: after!.email, organization: org.slug, role: after!.role };
    }
    case "pools list": {
      const org = await organizationBySlug(db, a.org);
      return listPools(db, org.id);
    }
    case "pools import": {
      const org = await organizationBySlug(db, a.org);
      return importOrganizationPool(db, org.id, { name: a.name, domain: a.domain }, importFile!);
    }
    case "pools export": {
      const org = await organizationBySlug(db, a.org);
      const pool = await findUsablePool(db, org.id, a.pool);
      const version = pool && (await loadPoolVersion(db, pool.currentVersionId));
      if (!version) throw new NotFoundError(`pool "${a.pool}" not found for organization "${org.slug}"`);
      return a.format === "json"
        ? candidatesToJson(version.candidates)
        : candidatesToCsv(getDomain(version.domain)!.candidateSchema, version.candidates).trimEnd();
    }
    case "webhooks secret": {
      const org = await organizationBySlug(db, a.org);
      return org.webhookSecret;
    }
    case "webhooks rotate": {
      const org = await organizationBySlug(db, a.org);
      return (await rotateWebhookSecret(db, org.id)).secret;
    }
  }
}

async function memberIdOf(organizationId: string, email: string) {
  const m = await db.member.findFirst({ where: { organizationId, user: { email: email.trim().toLowerCase() } }, select: { id: true } });
  if (!m) throw new NotFoundError(`${email} is not a member`);
  return m.id;
}

/** The file to import, read before anything is opened: a missing or oversized file is a usage error. */
function readImportFile(file: string) {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    usage(`--file: cannot read ${file}`);
  }
  if (!stat.isFile()) usage(`--file: ${file} is not a file`);
  if (stat.size > POOL_IMPORT_LIMITS.maxBytes) usage(`--file: over ${POOL_IMPORT_LIMITS.maxBytes / 1024 / 1024} MiB`);
  const format = path.extname(file).slice(1).toLowerCase() as (typeof POOL_FILE_FORMATS)[number];
  return { format, text: fs.readFileSync(file, "utf8") };
}
