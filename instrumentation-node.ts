import { settings } from "@/lib/settings";
import { prisma } from "@/lib/db/client";
import { startWorkers } from "@/lib/worker/run";

const s = settings();
if (s.WORKER_IN_PROCESS) {
  const workers = startWorkers(prisma(), s);
  const stop = () => void workers.stop().finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
