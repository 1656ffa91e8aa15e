// Preloaded into `next start` by scripts/start.ts (and required by start.ts itself): when the
// process that started this one dies without stopping it (kill -9), this one is reparented; it then
// stops as on SIGTERM instead of living on as an orphan that keeps the port and the database busy.
"use strict";

function exitWithParent(onOrphan) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphan();
  }, 500);
  timer.unref();
}

module.exports = { exitWithParent };
if (process.env.NEXIO_EXIT_WITH_PARENT === "1") {
  exitWithParent(() => {
    console.error("nexio: the process that started this server is gone; stopping");
    process.kill(process.pid, "SIGTERM");
    // SIGTERM lets the worker finish what it is doing; whatever happens, the port is let go.
    setTimeout(() => process.exit(1), 25_000).unref();
  });
}
