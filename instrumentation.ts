// Runs once when `next start` boots: hosts the worker in the web process (the single-machine
// default). Node-only code stays behind the runtime check (STACK-NOTES).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { settings } = await import("@/lib/settings");
  const s = settings();
  if (!s.WORKER_IN_PROCESS) return;
  const { prisma } = await import("@/lib/db/client");
  const { startWorkers } = await import("@/lib/worker/run");
  const workers = startWorkers(prisma(), s);
  const stop = () => void workers.stop().finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
