import { settings } from "@/lib/settings";
import { prisma } from "@/lib/db/client";
import { startWorkers } from "@/lib/worker/run";
import { startNotifications } from "@/lib/notifications";

const s = settings();
// scripts/start.ts says whether DATABASE_URL is its own embedded database or a server. On a
// server, other processes announce new jobs, revoked keys and new pool versions (lib/notifications.ts).
const server = process.env.NEXIO_EMBEDDED !== "1" ? process.env.DATABASE_URL : undefined;
const notifications = server ? startNotifications(server, (m) => console.error(`nexio: ${m}`)) : null;
const workers = s.WORKER_IN_PROCESS ? startWorkers(prisma(), s) : null;

const stop = () => void Promise.all([notifications?.stop(), workers?.stop()]).finally(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
