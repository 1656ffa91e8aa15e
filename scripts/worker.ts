// npm run worker – an evaluator + webhook sender process on its own, for scale-out on PostgreSQL
// (start web processes with WORKER_IN_PROCESS=false). On the embedded database it attaches to the
// running `npm start` through its port, or opens the database itself when nothing else has.
import { settingsOrExit } from "@/lib/settings";
import { connectDatabase } from "@/lib/db/bootstrap";
import { createPrisma } from "@/lib/db/client";
import { startWorkers } from "@/lib/worker/run";
import { startNotifications } from "@/lib/notifications";

const s = settingsOrExit();
const database = await connectDatabase(s);
process.env.DATABASE_URL = database.url;
const db = createPrisma(database.url, Math.max(4, s.WORKER_CONCURRENCY + 4));
const workers = startWorkers(db, s);
// On PostgreSQL: woken at once by jobs other processes insert (the embedded database has only
// the one process this worker attached to, which wakes its own loops).
const notifications = database.embedded ? null : startNotifications(database.url, (m) => console.error(`nexio worker: ${m}`));
console.log(`nexio worker ${workers.owner} started (concurrency ${s.WORKER_CONCURRENCY})`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`nexio worker: ${signal}, finishing jobs in flight…`);
  await notifications?.stop();
  await workers.stop();
  await db.$disconnect();
  await database.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
