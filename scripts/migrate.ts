// npm run db:migrate – apply committed migrations to DATABASE_URL, or to the embedded database.
import { settingsOrExit } from "@/lib/settings";
import { openEmbedded } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

const s = settingsOrExit();
const db = s.DATABASE_URL ? { url: s.DATABASE_URL, stop: async () => {} } : await openEmbedded(s.DATA_DIR);
try {
  const report = await migrate(db.url);
  console.log(JSON.stringify(report));
} finally {
  await db.stop();
}
