// npm run --silent nexio -- <command>: the operator CLI (SPEC §7). Output is machine-readable
// (JSON, or the bare value for `keys create` and `webhooks secret`). Wrong arguments print the
// usage and exit 2 before anything is opened or written.
import { parseArgs } from "node:util";
import { z } from "zod";
import { settingsOrExit } from "@/lib/settings";
import { connectDatabase } from "@/lib/db/bootstrap";
import { createPrisma } from "@/lib/db/client";
import { createOrganization, createUser, organizationBySlug, OrgSlug, ROLES, ConflictError, NotFoundError } from "@/lib/orgs/organizations";
import { createApiKey } from "@/lib/keys/api-keys";
import { listPools } from "@/lib/pools/pools";
import { seedDemo, DEMO_ORG } from "@/lib/pools/seed";
import { rotateWebhookSecret } from "@/lib/webhooks/org-secret";

const USAGE = `Usage: npm run --silent nexio -- <command>

  orgs create --slug S --name N
  users create --org S --email E --password P [--role admin|underwriter]
  keys create --org S [--name N] [--test]        prints only the new key
  pools list --org S
  webhooks secret --org S                        prints the current signing secret
  webhooks rotate --org S                        new secret; the old one keeps signing for 24 h
`;

const commands = {
  "orgs create": z.object({ slug: OrgSlug, name: z.string().trim().min(1).max(200) }),
  "users create": z.object({
    org: OrgSlug,
    email: z.email(),
    password: z.string().min(8, "at least 8 characters").max(200),
    role: z.enum(ROLES).default("underwriter"),
  }),
  "keys create": z.object({ org: OrgSlug, name: z.string().trim().min(1).max(100).optional(), test: z.boolean().default(false) }),
  "pools list": z.object({ org: OrgSlug }),
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
      slug: { type: "string" }, name: { type: "string" }, org: { type: "string" }, email: { type: "string" },
      password: { type: "string" }, role: { type: "string" }, test: { type: "boolean" },
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

const settings = settingsOrExit();

const database = await connectDatabase(settings);
const db = createPrisma(database.url, 2);
let exitCode = 0;
try {
  // When the CLI opened a brand-new embedded database itself, give it the demo data `npm start` would.
  if (database.owner && !(await db.organization.findUnique({ where: { slug: DEMO_ORG.slug } }))) await seedDemo(db);
  const out = await run(name, args);
  process.stdout.write(typeof out === "string" ? `${out}\n` : `${JSON.stringify(out, null, 2)}\n`);
} catch (err) {
  if (err instanceof ConflictError || err instanceof NotFoundError) {
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
      return (await createApiKey(db, org.id, { name: a.name, test: a.test })).key;
    }
    case "pools list": {
      const org = await organizationBySlug(db, a.org);
      return listPools(db, org.id);
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
