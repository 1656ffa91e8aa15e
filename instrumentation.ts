// Runs once when `next start` boots: hosts the worker in the web process (the single-machine
// default). The Node-only part lives in instrumentation-node.ts and is imported behind the runtime
// check, so the Edge build of this file never sees process.exit/process.once.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
