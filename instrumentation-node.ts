import { settings } from "@/lib/settings";
import { prisma } from "@/lib/db/client";
import { startWorkers } from "@/lib/worker/run";

const s = settings();
if (s.WORKER_IN_PROCESS) {
  // scripts/start.ts says whether DATABASE_URL is its own embedded database or a server.
  const server = process.env.NEXIO_EMBEDDED !== "1" ? process.env.DATABASE_URL : undefined;
  const workers = startWorkers(prisma(), s, { listenUrl: server });
  const stop = () => void workers.stop().finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
