// Makes e2e tenants (organization + user + API key) in one process: one tsx start-up instead of
// three CLI runs per tenant. Attaches to the running e2e server's embedded database the way the
// CLI does (DATA_DIR's port file). Input: a JSON array of { slug, email, password, role } as the
// only argument; output: the same array with each tenant's `key`, as JSON on stdout.
import { settingsOrExit } from "@/lib/settings";
import { connectDatabase } from "@/lib/db/bootstrap";
import { createPrisma } from "@/lib/db/client";
import { createOrganization, createUser } from "@/lib/orgs/organizations";
import { createApiKey } from "@/lib/keys/api-keys";

type Spec = { slug: string; email: string; password: string; role: "admin" | "underwriter" };

const specs = JSON.parse(process.argv[2] ?? "[]") as Spec[];
const database = await connectDatabase(settingsOrExit());
const db = createPrisma(database.url, 2);
try {
  const made: (Spec & { key: string })[] = [];
  for (const t of specs) {
    const org = await createOrganization(db, t.slug, `E2E ${t.slug}`);
    await createUser(db, { organizationId: org.id, email: t.email, password: t.password, role: t.role });
    const { key } = await createApiKey(db, org.id, { name: "e2e" });
    made.push({ ...t, key });
  }
  await new Promise((done) => process.stdout.write(JSON.stringify(made), done));
} finally {
  await db.$disconnect();
  await database.stop();
}
